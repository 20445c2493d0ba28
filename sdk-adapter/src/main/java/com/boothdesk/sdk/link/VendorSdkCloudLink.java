package com.boothdesk.sdk.link;

import com.boothdesk.sdk.message.MessageKeys;
import com.boothdesk.sdk.wire.DownlinkDecoder;
import com.boothdesk.sdk.wire.LogSafe;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CloudLink} over the vendor's own SDK jar, for sites that must use it: loaded from a configured path, it
 * calls {@code UploadUtil.init / uploadInParkOrder / uploadOutParkOrder / getPayStatus / uploadData / unInit} and
 * receives {@code InterfacePark.receive} callbacks. Behaves like {@link TcpCloudLink}: 2.1 / 2.2 / 4.1 answer
 * synchronously, other uplinks with the SDK's later callback (or synchronously with {@code fast}); every downlink is
 * answered through {@code uploadData}. All SDK calls run on one thread ({@code sdk-vendor}); callbacks are handed
 * off at once to {@code sdk-vendor-downlink} (the SDK calls back on its own thread).
 */
public final class VendorSdkCloudLink implements CloudLink {

    private static final Logger LOG = LoggerFactory.getLogger(VendorSdkCloudLink.class);
    private static final Logger WIRE = LoggerFactory.getLogger("boothdesk.wire");

    private final VendorSdkSettings settings;
    private final CloudCredentials creds;
    private final Clock clock;
    private final ScheduledExecutorService sdkThread;
    private final ExecutorService downlinkThread;
    private final DownlinkAnswerer answerer = new DownlinkAnswerer();
    private final CopyOnWriteArrayList<Consumer<LinkStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();

    private volatile LinkStatus status = LinkStatus.STOPPED;
    private volatile boolean closed;
    private volatile boolean started;
    /** True between a successful {@code init} and {@code unInit}: only then may {@code unInit} be called. */
    private volatile boolean initialised;
    private volatile boolean nativeMissingSaid;
    private volatile boolean initFailureSaid;
    private final java.util.concurrent.atomic.AtomicInteger initAttempts = new java.util.concurrent.atomic.AtomicInteger();
    private URLClassLoader loader;
    private Class<?> api;
    private Object callback;

    private final com.boothdesk.sdk.wire.UplinkCipher cipher;

    public VendorSdkCloudLink(VendorSdkSettings settings, CloudCredentials creds, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            this.cipher = settings.uplinkPublicKey() == null ? null
                    : com.boothdesk.sdk.wire.UplinkCipher.forPublicKey(settings.uplinkPublicKey());
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the park's public key for encrypted uplinks is not a Base64 X.509 "
                    + "RSA key: " + e.getMessage(), e);
        }
        this.creds = Objects.requireNonNull(creds, "creds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sdkThread = Executors.newSingleThreadScheduledExecutor(TcpCloudLink.daemon("sdk-vendor"));
        this.downlinkThread = Executors.newSingleThreadExecutor(TcpCloudLink.daemon("sdk-vendor-downlink"));
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("link is closed");
        }
        if (started) {
            return;
        }
        started = true;
        setStatus(LinkStatus.CONNECTING);
        sdkThread.execute(this::init);
    }

    /** The vendor's API class as loaded (diagnostics and tests). */
    public Class<?> vendorApi() {
        return api;
    }

    @Override
    public LinkStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<LinkStatus> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void setDownlinkHandler(Function<ObjectNode, ObjectNode> handler) {
        answerer.setHandler(handler);
    }

    @Override
    public CompletableFuture<ObjectNode> send(ObjectNode uplink) {
        CompletableFuture<ObjectNode> f = new CompletableFuture<>();
        String name = uplink == null ? "" : uplink.path("service_name").asText("");
        if (name.isEmpty()) {
            f.completeExceptionally(new MessageRejectedException("uplink has no service_name: " + uplink));
            return f;
        }
        if (status != LinkStatus.LOGGED_IN || closed) {
            f.completeExceptionally(new LinkDownException("vendor SDK link is " + status));
            return f;
        }
        ObjectNode copy = uplink.deepCopy();
        sdkThread.execute(() -> call(name, copy, f));
        sdkThread.schedule(() -> f.completeExceptionally(new TimeoutException("no answer to " + name + " within "
                + settings.replyTimeout().toMillis() + " ms")), settings.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            sdkThread.submit(() -> {
                if (api != null && initialised) {
                    try {
                        invoke("unInit");
                        initialised = false;
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        LOG.warn("vendor SDK unInit failed: {}", e.toString());
                    }
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("vendor SDK did not stop cleanly: {}", e.toString());
        }
        sdkThread.shutdownNow();
        downlinkThread.shutdownNow();
        for (Pending p : pending) {
            p.future.completeExceptionally(new LinkDownException("link closed"));
        }
        pending.clear();
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.debug("closing the vendor class loader failed", e);
            }
        }
        setStatus(LinkStatus.STOPPED);
    }

    // ---------------------------------------------------------------- SDK thread

    /** How many times {@code init} was attempted (diagnostics and tests). */
    public int initAttempts() {
        return initAttempts.get();
    }

    private void init() {
        if (closed) {
            return;
        }
        initAttempts.incrementAndGet();
        try {
            if (api == null) {
                loader = new URLClassLoader(new URL[] {settings.jar().toUri().toURL()},
                        VendorSdkCloudLink.class.getClassLoader());
                Class<?> a = Class.forName(VendorSdkSettings.API_CLASS, true, loader);
                Class<?> cbType = Class.forName(VendorSdkSettings.CALLBACK_CLASS, true, loader);
                callback = VendorCallbackBridge.create(cbType, "receive", this::onReceive);
                api = a;
            }
            // on every attempt: a failed earlier attempt must not leave the SDK without our callback
            Class<?> cbType = Class.forName(VendorSdkSettings.CALLBACK_CLASS, true, loader);
            api.getMethod("setInterfacePark", cbType).invoke(null, callback);
            ObjectNode init = WireCodec.MAPPER.createObjectNode();
            init.put("union_id", creds.unionId());
            init.put("ukey", creds.secret());
            init.put("park_id", creds.parkId());
            init.put("cloud_addr", settings.cloudHost());
            init.put("cport", settings.cloudPort());
            init.put("local_id", creds.localId());
            init.put("log_show", 0);
            ObjectNode params = init.putObject("set_params");
            params.put("receive_cloud", "1");
            params.put("fast", settings.fast());
            String result = (String) invoke("init", WireCodec.toJson(init));
            ObjectNode r = WireCodec.parseObject(result == null ? "{}" : result);
            if (r.path("state").asInt(0) == 1 || r.path("errmsg").asText("").contains("has been initialized")) {
                initialised = true;
                initFailureSaid = false;
                LOG.info("vendor SDK initialised: {}", LogSafe.text(r.path("errmsg").asText(""), 120));
                setStatus(LinkStatus.LOGGED_IN);
                return;
            }
            LOG.error("vendor SDK init refused: {}", LogSafe.text(result));
        } catch (ReflectiveOperationException | IOException | WireFormatException | RuntimeException | LinkageError e) {
            if (api == null && loader != null) {
                try {
                    loader.close(); // the next attempt loads the jar afresh
                } catch (IOException ignored) {
                    // nothing to do
                }
                loader = null;
            }
            if (nativeLibraryMissing(e)) {
                if (!nativeMissingSaid) {
                    nativeMissingSaid = true;
                    LOG.error("The vendor SDK's native library is missing: {} needs the SDK's DLLs (JavaCpp.dll and "
                            + "SDK32.dll / SDK64.dll, Windows only) next to it or on java.library.path, and they "
                            + "are not there. The cloud link stays down and every message waits in the outbox until "
                            + "they are installed and BoothDesk is restarted (or cloud.mode=tcp is used). ({})",
                            settings.jar(), LogSafe.text(rootMessage(e), 200));
                }
                setStatus(LinkStatus.DOWN);
                return; // a class whose native library failed cannot be initialised again in this process
            }
            if (!initFailureSaid) {
                initFailureSaid = true;
                LOG.error("vendor SDK {} could not be loaded or initialised; retrying every {} s, messages wait in "
                        + "the outbox", settings.jar(), settings.retryInit().toSeconds(), e);
            } else {
                LOG.warn("vendor SDK init failed again: {}", LogSafe.text(rootMessage(e), 200));
            }
        }
        setStatus(LinkStatus.DOWN);
        if (!closed) {
            sdkThread.schedule(this::init, settings.retryInit().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** True when the SDK's JNI library could not be loaded (or its class failed to initialise because of it). */
    static boolean nativeLibraryMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError) {
                return true;
            }
            if (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).contains("Could not initialize")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    private void call(String name, ObjectNode uplink, CompletableFuture<ObjectNode> f) {
        if (f.isDone()) {
            return;
        }
        try {
            String method = switch (name) {
                case "in_park" -> "uploadInParkOrder";
                case "out_park" -> "uploadOutParkOrder";
                case "pay_status" -> "getPayStatus";
                default -> "uploadData";
            };
            boolean sync = !method.equals("uploadData") || settings.fast();
            if (method.equals("uploadInParkOrder") || method.equals("uploadOutParkOrder")) {
                uplink.remove("service_name"); // the SDK names these itself and sends them to both platforms
            }
            Pending p = null;
            if (!sync) {
                p = new Pending(name, MessageKeys.uplinkKey(uplink).orElse(null), f);
                pending.add(p);
                Pending registered = p;
                f.whenComplete((r, e) -> pending.remove(registered));
            }
            String json = WireCodec.toJson(uplink);
            WIRE.debug("sdk >> {}({})", method, LogSafe.wire(json, false));
            String result = (String) invoke(method, cipher == null ? json : cipher.encrypt(json));
            WIRE.debug("sdk << {}", LogSafe.wire(result, false));
            ObjectNode r = WireCodec.parseObject(result == null || result.isBlank() ? "{}" : result);
            if (!r.has("service_name")) {
                r.put("service_name", name);
            }
            if (sync || r.path("state").asInt(1) == 0) {
                f.complete(r);
            }
        } catch (InvocationTargetException e) {
            f.completeExceptionally(new LinkDownException("vendor SDK failed: " + e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            f.completeExceptionally(new LinkDownException("vendor SDK call failed: " + e));
        } catch (java.security.GeneralSecurityException e) {
            f.completeExceptionally(new MessageRejectedException("uplink could not be encrypted: " + e.getMessage()));
        } catch (WireFormatException e) {
            f.completeExceptionally(new LinkDownException("vendor SDK answered with malformed JSON: " + e.getMessage()));
        }
    }

    private Object invoke(String method, Object... args) throws ReflectiveOperationException {
        Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        Method m = api.getMethod(method, types);
        return m.invoke(null, args);
    }

    // ---------------------------------------------------------------- callbacks

    /** Called on the SDK's own thread: hand off at once. */
    private void onReceive(String msg) {
        WIRE.debug("sdk callback << {}", LogSafe.wire(msg, false));
        try {
            downlinkThread.execute(() -> handle(msg));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("callback after close ignored");
        }
    }

    private void handle(String msg) {
        DownlinkDecoder.Decoded d = DownlinkDecoder.decode(msg);
        if (!(d instanceof DownlinkDecoder.Message m)) {
            if (d instanceof DownlinkDecoder.Malformed bad) {
                LOG.warn("ignored a callback from the vendor SDK ({}): {}", bad.reason(), LogSafe.text(
                        String.valueOf(msg)));
            }
            return;
        }
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.serviceName.equals(m.serviceName())) {
                continue;
            }
            String v = p.key == null ? null : MessageKeys.text(m.json(), p.key.field());
            if (v != null && !v.equals(p.key.value())) {
                continue;
            }
            it.remove();
            p.future.complete(m.json());
            return;
        }
        ObjectNode reply = answerer.answer(m.json());
        if (reply == null) {
            return;
        }
        String json = WireCodec.toJson(reply);
        sdkThread.execute(() -> {
            try {
                WIRE.debug("sdk >> uploadData({})", LogSafe.wire(json, false));
                invoke("uploadData", cipher == null ? json : cipher.encrypt(json));
            } catch (ReflectiveOperationException | RuntimeException | java.security.GeneralSecurityException e) {
                LOG.error("answering {} through the vendor SDK failed", m.serviceName(), e);
            }
        });
    }

    private void setStatus(LinkStatus s) {
        if (status == s) {
            return;
        }
        status = s;
        LOG.debug("vendor SDK link {} at {}", s, clock.instant());
        for (Consumer<LinkStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.error("link status listener failed", e);
            }
        }
    }

    private record Pending(String serviceName, MessageKeys.Key key, CompletableFuture<ObjectNode> future) {
    }
}
