package com.boothdesk.app.ui.lane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.UiEnv;
import com.boothdesk.app.ui.port.LanePort;

/**
 * The exit's pick list: the in-lot stays that may be the car at the lane (similar plates, or the attendant's search),
 * each with its entry picture, entry time and how its plate differs from the read. Digits 1-5 pick. The list belongs
 * to the car on screen: a new car replaces it, a departed car empties it.
 */
public final class PickListViewModel {

    public static final int MAX_PICKS = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    /** One stay the attendant may pick. */
    public static final class Row {
        private final int number;
        private final String orderId;
        private final String plate;
        private final String inTime;
        private final String why;
        private final ObjectProperty<byte[]> picture = new SimpleObjectProperty<>();

        Row(int number, String orderId, String plate, String inTime, String why) {
            this.number = number;
            this.orderId = orderId;
            this.plate = plate;
            this.inTime = inTime;
            this.why = why;
        }

        public int number() {
            return number;
        }

        public String orderId() {
            return orderId;
        }

        public String plate() {
            return plate;
        }

        public String inTime() {
            return inTime;
        }

        public String why() {
            return why;
        }

        /** The stay's entry picture once loaded (null: none, or not loaded yet). */
        public ReadOnlyObjectProperty<byte[]> pictureProperty() {
            return picture;
        }

        /** As one line of text, e.g. "1. 京A12345  入场 11-25 08:00  第7位 5↔S 易混". */
        public String text(Messages msg) {
            return number + ". " + plate + "  " + msg.get("lane.intime") + " " + inTime
                    + (why.isEmpty() ? "" : "  (" + why + ")");
        }
    }

    private final LanePort port;
    private final UiEnv env;
    private final ZoneId zone;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty title = new SimpleStringProperty("");
    /** The heading as made, so that a language switch tells it again. */
    private java.util.function.Supplier<String> heading = () -> "";
    private long generation;

    PickListViewModel(LanePort port, UiEnv env) {
        this.port = port;
        this.env = env;
        this.zone = env.clock().getZone();
    }

    /** The similar stays the exit ladder found for the read. */
    void showCandidates(List<LaneState.Candidate> candidates) {
        fill(candidates.stream().map(c -> new Found(c.order(), c.match().why())).toList(),
                candidates.isEmpty() ? () -> "" : () -> env.msg().get("ui.picks.similar"));
    }

    void clear() {
        fill(List.of(), () -> "");
        search.set("");
    }

    /** Runs the attendant's search off the FX thread (the UI executor); the rows follow on the FX thread. */
    void runSearch(java.util.function.Consumer<Throwable> onError) {
        String fragment = search.get() == null ? "" : search.get().trim();
        long gen = ++generation;
        env.background().execute(() -> {
            try {
                List<ParkingOrder> found = port.search(fragment);
                env.fx().execute(() -> {
                    if (gen == generation) {
                        fill(found.stream().map(o -> new Found(o, "")).toList(),
                                () -> env.msg().get("ui.picks.search", fragment, found.size()));
                    }
                });
            } catch (RuntimeException e) {
                env.fx().execute(() -> onError.accept(e));
            }
        });
    }

    /** The order id of the n-th row (1-based), or null. */
    String orderId(int n) {
        return n >= 1 && n <= rows.size() ? rows.get(n - 1).orderId() : null;
    }

    /** The language switched: the heading and the rows are told again (the rows keep their pictures). */
    void relabel() {
        title.set(heading.get());
        if (!rows.isEmpty()) {
            rows.setAll(new java.util.ArrayList<>(rows));
        }
    }

    private void fill(List<Found> found, java.util.function.Supplier<String> heading) {
        long gen = ++generation;
        rows.clear();
        this.heading = heading;
        title.set(heading.get());
        for (Found f : found) {
            if (rows.size() == MAX_PICKS) {
                break;
            }
            ParkingOrder o = f.order();
            Row row = new Row(rows.size() + 1, o.orderId(), o.plate(), TIME.format(o.inTime().atZone(zone)), f.why());
            rows.add(row);
            String ref = o.entryImage();
            if (ref != null) {
                env.background().execute(() -> {
                    byte[] jpeg = port.picture(ref).orElse(null);
                    env.fx().execute(() -> {
                        if (gen == generation && jpeg != null) {
                            row.picture.set(jpeg);
                        }
                    });
                });
            }
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty titleProperty() {
        return title;
    }

    private record Found(ParkingOrder order, String why) {
        Found {
            Objects.requireNonNull(order);
            why = why == null ? "" : why;
        }
    }
}
