package com.boothdesk.app.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 3.32 通知上传收费系统日志: the cloud asks for the booth's logs. The booth zips the log files of the asked period
 * (the application log and the wire log, rolled files included, newest first up to {@code ops.log_upload_max_mb})
 * into {@code <logs>/upload/} and answers with 2.32 {@code upload_file} ({@code url}, {@code filepath},
 * {@code data_target=bolink}) through the outbox, as the notes describe: the SDK side uploads the file at
 * {@code filepath} to {@code url}.
 *
 * <p>INFERRED (cloud-protocol.md §3.32): the service_name ({@code upload_park_log}, configurable), the period's
 * fields ({@code begin_time}/{@code start_time} and {@code end_time}, unix seconds or {@code yyyy-MM-dd[ HH:mm:ss]}
 * in the lot's zone, at the top level or under {@code data}), and the reply (state 1 once the request is accepted).
 * Without a period the last {@code ops.log_upload_days} days are sent. A request number seen before is answered
 * again and not zipped twice.
 */
public final class LogUpload {

    private static final Logger LOG = LoggerFactory.getLogger(LogUpload.class);
    /** logback's rolled names: {@code boothdesk.2026-12-01.0.log.gz}, {@code wire.2026-12-01.3.log.gz}. */
    private static final Pattern ROLLED = Pattern.compile("(boothdesk|wire)\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.log(\\.gz)?");
    private static final Pattern CURRENT = Pattern.compile("(boothdesk|wire)\\.log");
    private static final int REMEMBERED = 200;
    private static final int KEEP_ZIPS = 5;
    private static final Duration MAX_PERIOD = Duration.ofDays(62);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What one request produced. */
    public record Result(String requestNo, Path zip, List<String> files, List<String> skipped, long bytes) {
    }

    private final Path logs;
    private final JdbcOutbox outbox;
    private final OpsSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor worker;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile Runnable uplinkStored = () -> { };
    private volatile java.util.function.Consumer<Result> done = r -> { };

    /**
     * @param logs   the log folder ({@code boothdesk.logs}, default {@code <data>/logs})
     * @param worker where the zipping runs (never the link's reader thread)
     */
    public LogUpload(Path logs, JdbcOutbox outbox, OpsSettings settings, Clock clock, ZoneId zone, Executor worker) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    /** Where the logs of this process go (set by Main before any logger exists). */
    public static Path logFolder(Path dataDir) {
        String p = System.getProperty("boothdesk.logs");
        return p == null || p.isBlank() ? dataDir.resolve("logs") : Path.of(p);
    }

    public void register(DownlinkRouter router) {
        try {
            router.on(settings.logUploadServiceName(), this::onDownlink);
        } catch (IllegalArgumentException e) {
            throw new com.boothdesk.app.config.ConfigException("ops.log_upload_service_name: '"
                    + settings.logUploadServiceName() + "' is no downlink of the protocol (default upload_park_log)");
        }
    }

    /** Wakes the outbox dispatcher once the 2.32 is stored. */
    public void onUplinkStored(Runnable wake) {
        this.uplinkStored = Objects.requireNonNull(wake);
    }

    /** Called on the worker after each request's zip and 2.32 are stored (tests, the technician's log line). */
    public void onDone(java.util.function.Consumer<Result> listener) {
        this.done = Objects.requireNonNull(listener);
    }

    ObjectNode onDownlink(ObjectNode downlink) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        String requestNo = Sanitize.cut(field(downlink, "request_no"), 64);
        if (requestNo.isEmpty()) {
            LOG.warn("Log upload request without request_no refused: {}", Sanitize.line(downlink.toString(), 300));
            return refuse(r, "缺少 request_no");
        }
        Instant to;
        Instant from;
        try {
            Instant end = time(field(downlink, "end_time"));
            String b = field(downlink, "begin_time");
            Instant begin = time(b.isEmpty() ? field(downlink, "start_time") : b);
            to = end == null ? clock.instant() : end;
            from = begin == null ? to.minus(Duration.ofDays(settings.logUploadDays())) : begin;
        } catch (IllegalArgumentException e) {
            LOG.warn("Log upload request {} refused: {}", requestNo, e.getMessage());
            return refuse(r, e.getMessage());
        }
        if (from.isAfter(to)) {
            LOG.warn("Log upload request {} refused: begin {} after end {}", requestNo, from, to);
            return refuse(r, "begin_time 晚于 end_time");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            LOG.warn("Log upload request {} refused: {} .. {} is longer than {} days", requestNo, from, to,
                    MAX_PERIOD.toDays());
            return refuse(r, "时间段超过" + MAX_PERIOD.toDays() + "天");
        }
        String url = field(downlink, "url");
        String target = url.matches("https?://[\\x21-\\x7e]{1,500}") ? url : settings.logUploadUrl();
        boolean fresh;
        synchronized (seen) {
            fresh = seen.putIfAbsent(requestNo, Boolean.TRUE) == null;
        }
        if (fresh) {
            LOG.info("Log upload request {}: logs of {} .. {} to {}", requestNo, from, to, target);
            Instant f = from;
            Instant t = to;
            worker.execute(() -> run(requestNo, f, t, target));
        } else {
            LOG.info("Log upload request {} again: answered, not zipped twice", requestNo);
        }
        r.put("state", 1);
        r.put("errmsg", "收费系统日志上传中");
        return r;
    }

    private void run(String requestNo, Instant from, Instant to, String url) {
        try {
            Result res = zip(requestNo, from, to);
            ObjectNode up = WireCodec.MAPPER.createObjectNode();
            up.put("service_name", "upload_file");
            up.put("url", url);
            up.put("filepath", res.zip().toAbsolutePath().toString());
            up.put("data_target", "bolink");
            outbox.enqueue(up, null);
            uplinkStored.run();
            LOG.info("Log upload request {}: {} file(s), {} KB in {}{}; 2.32 upload_file stored", requestNo,
                    res.files().size(), res.bytes() >> 10, res.zip(),
                    res.skipped().isEmpty() ? "" : " (left out over the size cap: " + res.skipped() + ")");
            done.accept(res);
        } catch (IOException | RuntimeException e) {
            LOG.error("Log upload request {} failed: {}", requestNo, e.toString(), e);
            synchronized (seen) {
                seen.remove(requestNo); // a resend of the request may try again
            }
        }
    }

    /** Zips the log files of {@code [from, to]} (newest first, up to the size cap). */
    Result zip(String requestNo, Instant from, Instant to) throws IOException {
        LocalDate firstDay = from.atZone(zone).toLocalDate();
        LocalDate lastDay = to.atZone(zone).toLocalDate();
        List<Candidate> files = new ArrayList<>();
        if (Files.isDirectory(logs)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(logs)) {
                for (Path p : dir) {
                    if (!Files.isRegularFile(p)) {
                        continue;
                    }
                    String name = p.getFileName().toString();
                    Instant modified = Files.getLastModifiedTime(p).toInstant();
                    Matcher m = ROLLED.matcher(name);
                    if (m.matches()) {
                        LocalDate day = LocalDate.parse(m.group(2));
                        if (!day.isBefore(firstDay) && !day.isAfter(lastDay)) {
                            files.add(new Candidate(p, modified, Files.size(p)));
                        }
                    } else if (CURRENT.matcher(name).matches() && !modified.isBefore(from)) {
                        // the file being written holds the lines since the last roll: up to now
                        files.add(new Candidate(p, modified, Files.size(p)));
                    }
                }
            }
        }
        files.sort(Comparator.comparing(Candidate::modified).reversed().thenComparing(c -> c.path().toString()));
        Path out = logs.resolve("upload");
        Files.createDirectories(out);
        String safe = requestNo.replaceAll("[^0-9A-Za-z_-]", "_");
        Path zip = out.resolve("boothdesk-logs-" + safe + ".zip");
        Path tmp = out.resolve(zip.getFileName() + ".part");
        List<String> in = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long total = 0;
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Candidate c : files) {
                if (total + c.size() > settings.logUploadMaxBytes()) {
                    skipped.add(c.path().getFileName().toString());
                    continue;
                }
                z.putNextEntry(new ZipEntry(c.path().getFileName().toString()));
                long n = copy(c.path(), z, c.size());
                z.closeEntry();
                total += n;
                in.add(c.path().getFileName().toString());
            }
            z.putNextEntry(new ZipEntry("manifest.txt"));
            StringBuilder m = new StringBuilder();
            m.append("BoothDesk ").append(AboutInfo.of(logs.getParent() == null ? logs : logs.getParent()).version())
                    .append("\nrequest_no: ").append(requestNo)
                    .append("\nperiod: ").append(LocalDateTime.ofInstant(from, zone)).append(" .. ")
                    .append(LocalDateTime.ofInstant(to, zone)).append(" (").append(zone).append(")")
                    .append("\nmade: ").append(STAMP.format(clock.instant().atZone(zone)))
                    .append("\nfiles: ").append(in)
                    .append("\nleft out over ").append(settings.logUploadMaxBytes() >> 20).append(" MB: ")
                    .append(skipped).append('\n');
            z.write(m.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        prune(out, zip);
        return new Result(requestNo, zip, List.copyOf(in), List.copyOf(skipped), total);
    }

    /** A file being written is copied up to the size it had when listed (a consistent prefix). */
    private static long copy(Path p, OutputStream to, long size) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = size;
        try (var in = Files.newInputStream(p)) {
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                to.write(buf, 0, n);
                left -= n;
            }
        }
        return size - left;
    }

    /** Keeps the newest {@value #KEEP_ZIPS} zips (a later request may still be uploading an older one). */
    private static void prune(Path dir, Path keep) throws IOException {
        List<Path> zips = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(dir, "boothdesk-logs-*.zip")) {
            d.forEach(zips::add);
        }
        zips.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toInstant();
            } catch (IOException e) {
                return Instant.EPOCH;
            }
        }).reversed());
        for (int i = KEEP_ZIPS; i < zips.size(); i++) {
            if (!zips.get(i).equals(keep)) {
                Files.deleteIfExists(zips.get(i));
            }
        }
    }

    private Instant time(String v) {
        if (v.isEmpty()) {
            return null;
        }
        if (v.matches("\\d{9,13}")) {
            long n = Long.parseLong(v);
            return n > 99_999_999_999L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            return LocalDateTime.parse(v.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("时间格式错误: '" + Sanitize.line(v, 40)
                    + "' (unix seconds or yyyy-MM-dd HH:mm:ss expected)");
        }
    }

    private static String field(ObjectNode n, String name) {
        JsonNode v = n.get(name);
        if ((v == null || v.isNull()) && n.path("data").isObject()) {
            v = n.path("data").get(name);
        }
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText("").trim();
    }

    private static ObjectNode refuse(ObjectNode r, String why) {
        r.put("state", 0);
        r.put("errmsg", why);
        return r;
    }

    private record Candidate(Path path, Instant modified, long size) {
    }
}
