package com.boothdesk.app.site.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.lists.ExitCharges;
import com.boothdesk.app.store.index.LotIndex;

/**
 * The lanes' order store on a site database, with the outage mode: while the server is up every call goes to the
 * site's {@link JdbcOrderRepository}; while it is down the cars inside come from the in-memory {@link LotIndex}
 * (with the whole row when this booth has seen it: its own entries, the stays it looked up), a stay opened or
 * closed is written to the {@link OutageJournal} (with the camera read it settles, in one local transaction) and the
 * index follows at once, so the next decision sees it.
 */
public final class OutageOrders implements OrderRepository {

    private static final Logger LOG = LoggerFactory.getLogger(OutageOrders.class);
    /** Rows kept for the outage beyond the cars inside are dropped above this many. */
    private static final int SEEN_MAX = 50_000;

    private final JdbcOrderRepository site;
    private final SiteOutage outage;
    private final OutageJournal journal;
    private final LotIndex lot;
    private final String defaultClass;
    /** The rows of stays inside this booth has seen (order id → row), to price an exit while down. */
    private final Map<String, ParkingOrder> seen = new ConcurrentHashMap<>();
    /** Spaces taken (+) and given back (-) per entry lane by the stays journaled while down. */
    private final Map<String, Integer> laneDelta = new ConcurrentHashMap<>();

    /** The exit's pending stored-value charges (null when the order store is not wired with them). */
    private volatile ExitCharges charges;

    /** The booth's clock (the time of a correction journaled while down); set by the module. */
    private volatile java.time.Clock clock = java.time.Clock.systemUTC();

    void clock(java.time.Clock c) {
        this.clock = c;
    }

    /** The pending charges the exit journals with itself while down. */
    void charges(ExitCharges c) {
        this.charges = c;
    }

    /** A stored-value charge as a journal body. */
    static String charge(ExitCharges.Charge ch) {
        return OutageCodec.fields("cardId", ch.cardId(), "fen", ch.fen(), "orderId", ch.orderId(), "at", ch.at());
    }

    public OutageOrders(JdbcOrderRepository site, SiteOutage outage, String defaultClass) {
        this.site = site;
        this.outage = outage;
        this.journal = outage.journal();
        this.lot = site.index();
        this.defaultClass = defaultClass;
    }

    /** The site's store behind this one (the replay writes through it). */
    public JdbcOrderRepository site() {
        return site;
    }

    /** Cars in (+) and out (-) per entry lane journaled since the server went down; cleared when it is back. */
    Map<String, Integer> laneDelta() {
        return laneDelta;
    }

    void clearDelta() {
        laneDelta.clear();
    }

    /** The cars inside as the index last held them while up (see {@link #keepIndexCopy}). */
    private volatile List<LotIndex.Car> indexCopy = List.of();

    /**
     * Keeps a copy of the index's cars (the status thread, once a second, while up). The index's re-read clears it
     * before it reads the database: a re-read that is the first to find the server gone leaves it empty, and the
     * outage would then know no car inside; {@link #restoreIndexIfCleared} puts the copy back.
     */
    void keepIndexCopy() {
        indexCopy = lot.cars();
    }

    /**
     * At a lost connection: an index left empty by a failed re-read gets the last copy back (not once this booth has
     * journaled stays: then an empty index may be the truth).
     */
    void restoreIndexIfCleared() {
        List<LotIndex.Car> copy = indexCopy;
        if (lot.size() == 0 && !copy.isEmpty() && laneDelta.isEmpty()) {
            copy.forEach(lot::add);
            LOG.warn("Outage: the lot index was emptied by a re-read that failed; {} car(s) inside restored from its"
                    + " last copy", copy.size());
        }
    }

    @Override
    public String nextOrderId(String laneId, Instant at) {
        // the site's numbers while up (a block is kept in memory); while down a number of the local journal's
        // durable sequence with an "L": never one the site gives out, unique across restarts and booths (lane ids are
        // unique across the site)
        return outage.read(() -> site.nextOrderId(laneId, at),
                () -> laneId + "_" + at.getEpochSecond() + "_L" + journal.nextOrderNumber());
    }

    @Override
    public void recordEntry(ParkingOrder order, int emptySpaces) {
        recordEntry(order, emptySpaces, -1);
    }

    @Override
    public boolean recordEntry(ParkingOrder order, int emptySpaces, long intakeId) {
        return outage.route(() -> {
            boolean settled = site.recordEntry(order, emptySpaces, siteId(intakeId));
            journal.settleRead(intakeId); // a read answered while down, decided after the return
            remember(order);
            return settled || intakeId >= OutageJournal.LOCAL_INTAKE_BASE;
        }, () -> {
            journal.inTransaction(c -> {
                OutageJournal.append(c, OutageJournal.Kind.ENTRY, order.orderId(), order.inTime(),
                        OutageCodec.stay(order, emptySpaces, siteId(intakeId)));
                OutageJournal.settleRead(c, intakeId);
                return null;
            });
            for (LotIndex.Car old : lot.removePlate(order.plate())) {
                seen.remove(old.orderId());
                laneDelta.merge(old.entryLane(), -1, Integer::sum);
            }
            if (order.status() == OrderStatus.IN_LOT) {
                lot.add(new LotIndex.Car(order.orderId(), order.plate(), order.entryLaneId(), order.inTime()));
                laneDelta.merge(order.entryLaneId(), 1, Integer::sum);
                remember(order);
            }
            LOG.info("Outage: entry of {} ({}) journaled", SafeText.plate(order.plate()), order.orderId());
            return intakeId >= 0;
        });
    }

    @Override
    public void recordExit(ParkingOrder closed, int emptySpaces) {
        recordExit(closed, emptySpaces, -1);
    }

    @Override
    public boolean recordExit(ParkingOrder closed, int emptySpaces, long intakeId) {
        return outage.route(() -> {
            boolean settled = site.recordExit(closed, emptySpaces, siteId(intakeId));
            journal.settleRead(intakeId);
            seen.remove(closed.orderId());
            return settled || intakeId >= OutageJournal.LOCAL_INTAKE_BASE;
        }, () -> {
            ExitCharges ec = charges;
            Optional<ExitCharges.Charge> charge = ec == null ? Optional.empty()
                    : ec.take(closed.orderId(), closed.outTime());
            journal.inTransaction(c -> {
                // the stored-value charge of this exit first, in the same local transaction: both or neither
                if (charge.isPresent()) {
                    OutageJournal.append(c, OutageJournal.Kind.STORED_VALUE, closed.orderId(), closed.outTime(),
                            charge(charge.get()));
                }
                OutageJournal.append(c, OutageJournal.Kind.EXIT, closed.orderId(), closed.outTime(),
                        OutageCodec.stay(closed, emptySpaces, siteId(intakeId)));
                OutageJournal.settleRead(c, intakeId);
                return null;
            });
            Optional<LotIndex.Car> car = lot.car(closed.orderId());
            lot.remove(closed.orderId());
            seen.remove(closed.orderId());
            laneDelta.merge(car.map(LotIndex.Car::entryLane).orElse(closed.entryLaneId()), -1, Integer::sum);
            LOG.info("Outage: exit of {} ({}) journaled", SafeText.plate(closed.plate()), closed.orderId());
            return intakeId >= 0;
        });
    }

    private static long siteId(long intakeId) {
        return intakeId >= OutageJournal.LOCAL_INTAKE_BASE ? -1 : intakeId;
    }

    private void remember(ParkingOrder o) {
        if (o.status() == OrderStatus.IN_LOT) {
            if (seen.size() >= SEEN_MAX) {
                seen.clear(); // only a help for the outage: the index still knows the cars
            }
            seen.put(o.orderId(), o);
        }
    }

    /** The row of a car inside while down: as seen, else made from the index (the default class, no prepayment). */
    private Optional<ParkingOrder> fromMemory(String orderId) {
        ParkingOrder known = seen.get(orderId);
        if (known != null) {
            return Optional.of(known);
        }
        return lot.car(orderId).map(c -> CopiedStays.row(site, c).orElseGet(() -> ParkingOrder.entered(c.orderId(), c.plate(), defaultClass, c.entryLane(),
                c.inTime(), null, null))); // ostart: the local copy's whole row (SiteCopy) when it has it
    }

    @Override
    public Optional<ParkingOrder> find(String orderId) {
        return outage.read(() -> {
            Optional<ParkingOrder> row = site.find(orderId);
            row.ifPresent(this::remember);
            return row;
        }, () -> fromMemory(orderId));
    }

    @Override
    public Optional<ParkingOrder> findInLot(String plate) {
        return outage.read(() -> {
            Optional<ParkingOrder> row = site.findInLot(plate);
            row.ifPresent(this::remember);
            return row;
        }, () -> lot.newest(plate).flatMap(c -> fromMemory(c.orderId())));
    }

    @Override
    public List<ParkingOrder> inLot() {
        return outage.read(site::inLot, () -> {
            List<ParkingOrder> out = new ArrayList<>();
            for (LotIndex.Car c : lot.cars()) {
                fromMemory(c.orderId()).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public int countInLot() {
        return outage.read(site::countInLot, lot::size);
    }

    @Override
    public Set<String> inLotPlates() {
        return site.inLotPlates(); // the index's live view: memory on both sides
    }

    @Override
    public int countInLot(Collection<String> plates) {
        return outage.read(() -> site.countInLot(plates), () -> lot.count(plates));
    }

    @Override
    public List<ParkingOrder> searchInLot(String fragment, int limit) {
        return outage.read(() -> site.searchInLot(fragment, limit), () -> {
            String f = fragment.trim().toUpperCase(java.util.Locale.ROOT);
            List<ParkingOrder> out = new ArrayList<>();
            for (LotIndex.Car c : lot.matching(p -> p.toUpperCase(java.util.Locale.ROOT).contains(f),
                    Math.max(1, limit))) {
                fromMemory(c.orderId()).ifPresent(out::add);
            }
            return out;
        });
    }

    /**
     * A prepayment: the site's while up; while down journaled (once per trade number: the cloud's resend of one
     * waiting is not fresh) and added to the stay in memory, so that the exit prices it. The replay's rule: added to
     * the stay when it is still inside, else kept as a conflict ({@code PREPAY_ORDER_CLOSED}, {@code PREPAY_NO_ORDER}).
     */
    @Override
    public boolean recordPrepayment(String tradeNo, String orderId, long fen, Instant paidAt, Instant received) {
        return outage.route(() -> site.recordPrepayment(tradeNo, orderId, fen, paidAt, received), () -> {
            boolean fresh = journal.inTransaction(c -> {
                if (OutageJournal.waiting(c, OutageJournal.Kind.PREPAY, tradeNo)) {
                    return false;
                }
                OutageJournal.append(c, OutageJournal.Kind.PREPAY, tradeNo, received, OutageCodec.fields("tradeNo",
                        tradeNo, "orderId", orderId, "fen", fen, "paidAt", paidAt, "received", received));
                return true;
            });
            if (!fresh) {
                LOG.info("Outage: prepayment {} for {} is journaled already", SafeText.of(tradeNo, 40),
                        SafeText.of(orderId, 64));
                return false;
            }
            Optional<ParkingOrder> row = fromMemory(orderId);
            row.ifPresent(o -> seen.put(orderId, o.withPrepaid(o.prepaidFen() + fen, paidAt)));
            LOG.info("Outage: prepayment {} of {} fen for {} journaled{}", SafeText.of(tradeNo, 40), fen,
                    SafeText.of(orderId, 64),
                    row.isPresent() ? "" : " (the stay is not known here: the site decides at the replay)");
            return true;
        });
    }

    /**
     * A plate correction: the site's while up; while down applied to the stay in memory (the index finds the car
     * under its new plate) and journaled. The replay's rule: applied when the stay is still inside, else a conflict
     * ({@code CORRECTION_ORDER_CLOSED}, {@code CORRECTION_NO_ORDER}).
     */
    @Override
    public ParkingOrder correctPlate(String orderId, String newPlate) {
        return outage.route(() -> site.correctPlate(orderId, newPlate), () -> {
            Optional<ParkingOrder> row = lot.car(orderId).isPresent() ? fromMemory(orderId) : Optional.empty();
            if (row.isEmpty()) {
                throw new IllegalStateException("order " + orderId + " is not in the lot");
            }
            ParkingOrder corrected = row.get().withPlate(newPlate);
            journal.append(OutageJournal.Kind.CORRECT_PLATE, orderId, clock.instant(),
                    OutageCodec.fields("orderId", orderId, "oldPlate", row.get().plate(), "newPlate", newPlate));
            lot.replate(orderId, newPlate);
            seen.put(orderId, corrected);
            LOG.info("Outage: plate of {} corrected from {} to {} and journaled", SafeText.of(orderId, 64),
                    SafeText.plate(row.get().plate()), SafeText.plate(newPlate));
            return corrected;
        });
    }

    @Override
    public List<ParkingOrder> recent(int limit) {
        return outage.read(() -> site.recent(limit), List::of);
    }
}
