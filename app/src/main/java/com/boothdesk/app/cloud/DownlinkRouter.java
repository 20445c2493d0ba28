package com.boothdesk.app.cloud;

import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.sdk.link.DownlinkReplies;
import com.boothdesk.sdk.message.downlink.DownlinkFields;
import com.boothdesk.sdk.message.downlink.DownlinkReply;
import com.boothdesk.sdk.message.downlink.DownlinkType;
import com.boothdesk.sdk.message.downlink.RawDownlink;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.wire.LogSafe;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Routes each cloud downlink, by its {@link ServiceName}, to the part of the booth that registered for it, and
 * always produces an answer:
 * <ul>
 *   <li>the downlink is read into its typed record ({@link DownlinkType}); a missing or unreadable field is answered
 *       state 0 naming it;</li>
 *   <li>the handler acts and returns the answer; whatever it throws is caught here, logged, and answered state 0
 *       ({@value DownlinkReply#FAILED}: …);</li>
 *   <li>a downlink nobody registered for is answered state 0 "{@value DownlinkReply#NOT_HANDLED} name", never
 *       dropped.</li>
 * </ul>
 * Modules register with one line each, {@code router.on(MonthCardPay.TYPE, this::renew)}; a later registration
 * for the same name replaces the earlier one (logged), so a module that takes over a message needs no edit of the
 * one that had it. {@link #registrations()} tells the coverage report how the running booth handles each name.
 */
public final class DownlinkRouter implements Function<ObjectNode, ObjectNode> {

    private static final Logger LOG = LoggerFactory.getLogger(DownlinkRouter.class);

    /** How a registered handler deals with its downlink. */
    public enum Handling {
        /** It changes what the booth does or keeps (a store, a lane, the screen) and answers. */
        EFFECT,
        /** It answers as the notes say but changes nothing (the notes give the booth nothing to do with it). */
        ANSWERED
    }

    /**
     * One registration.
     *
     * @param name     the downlink
     * @param handling effect or answered only
     * @param note     what the handler does, for the coverage report
     * @param by       the class that registered it
     */
    public record Registration(ServiceName name, Handling handling, String note, String by) {
    }

    private record Route<T>(DownlinkType<T> type, DownlinkHandler<T> handler, Registration registration) {
    }

    private final ZoneId zone;
    private final Map<ServiceName, Route<?>> routes = new ConcurrentHashMap<>();
    private final Set<String> warnedUnhandled = ConcurrentHashMap.newKeySet();

    /** A router reading local times in the park's default zone. */
    public DownlinkRouter() {
        this(DownlinkFields.DEFAULT_ZONE);
    }

    /** @param zone the park's zone, for local date-times in downlinks */
    public DownlinkRouter(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Registers a handler that acts on its downlink. */
    public <T> void on(DownlinkType<T> type, DownlinkHandler<T> handler) {
        on(type, Handling.EFFECT, "", handler);
    }

    /**
     * Registers a handler.
     *
     * @param handling what it does with the downlink
     * @param note     one line for the coverage report (what the effect is, or why it only answers)
     */
    public <T> void on(DownlinkType<T> type, Handling handling, String note, DownlinkHandler<T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Registration reg = new Registration(type.name(), Objects.requireNonNull(handling, "handling"),
                note == null ? "" : note, caller());
        Route<?> old = routes.put(type.name(), new Route<>(type, handler, reg));
        if (old != null) {
            LOG.info("Downlink {} was handled by {}; now by {}", type.name().wire(), old.registration().by(),
                    reg.by());
        }
    }

    /**
     * Registers a handler on the raw JSON: it returns the answer's fields (state 1 when it gives none). For code not
     * yet moved onto a record; prefer {@link #on(DownlinkType, DownlinkHandler)}.
     *
     * @throws IllegalArgumentException when {@code serviceName} is no downlink of the protocol
     */
    public void on(String serviceName, Function<ObjectNode, ObjectNode> handler) {
        ServiceName name = ServiceName.of(serviceName).filter(ServiceName::isDownlink)
                .orElseThrow(() -> new IllegalArgumentException(serviceName + " is no downlink of the protocol"));
        on(DownlinkType.raw(name), Handling.EFFECT, "", (RawDownlink raw) -> {
            ObjectNode r = handler.apply(raw.fields().message());
            if (r == null) {
                return null;
            }
            if (!r.has("state")) {
                r.put("state", 1);
            }
            return DownlinkReply.of(r);
        });
    }

    /** Every registration, by name. */
    public Map<ServiceName, Registration> registrations() {
        Map<ServiceName, Registration> m = new EnumMap<>(ServiceName.class);
        routes.forEach((k, v) -> m.put(k, v.registration()));
        return Collections.unmodifiableMap(m);
    }

    /** The complete answer to one downlink (service_name, data_target and echoed keys added). */
    @Override
    public ObjectNode apply(ObjectNode downlink) {
        return DownlinkReplies.complete(downlink, route(downlink).toJson());
    }

    /** The handler's answer to one downlink, before the link completes it. */
    public DownlinkReply route(ObjectNode downlink) {
        String wire = downlink.path("service_name").asText("");
        ServiceName name = ServiceName.of(wire).filter(ServiceName::isDownlink).orElse(null);
        Route<?> r = name == null ? null : routes.get(name);
        if (r == null) {
            if (warnedUnhandled.size() < 256 && warnedUnhandled.add(wire)) {
                LOG.warn("Downlink '{}' is not handled by this booth; answered state 0 (logged once per name)",
                        LogSafe.text(wire, 64));
            }
            return DownlinkReply.notHandled(LogSafe.text(wire, 64));
        }
        return handle(r, downlink);
    }

    private <T> DownlinkReply handle(Route<T> r, ObjectNode downlink) {
        String wire = r.type().name().wire();
        T record;
        try {
            record = r.type().reader().read(new DownlinkFields(downlink, zone));
        } catch (IllegalArgumentException e) {
            LOG.warn("Downlink {} refused: {} - {}", wire, LogSafe.text(e.getMessage(), 200),
                    LogSafe.text(downlink.toString()));
            return DownlinkReply.refused(e.getMessage() == null ? "消息无法读取" : e.getMessage());
        }
        try {
            DownlinkReply reply = r.handler().handle(record);
            if (reply == null) {
                LOG.error("Downlink {}: the handler of {} gave no answer", wire, r.registration().by());
                return DownlinkReply.refused(DownlinkReply.FAILED + ": 无应答");
            }
            return reply;
        } catch (com.boothdesk.sdk.message.downlink.DownlinkFieldException e) {
            LOG.warn("Downlink {} refused: {} - {}", wire, LogSafe.text(e.getMessage(), 200),
                    LogSafe.text(downlink.toString()));
            return DownlinkReply.refused(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Downlink {} failed in {}: {}", wire, r.registration().by(), e.toString(), e);
            return DownlinkReply.refused(DownlinkReply.FAILED + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String caller() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(s -> s
                .map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != DownlinkRouter.class)
                .findFirst().map(Class::getSimpleName).orElse("?"));
    }
}
