package com.boothdesk.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.plate.PlateCandidate;
import com.boothdesk.app.domain.plate.PlateMatcher;

/**
 * JMH: the fee of a 90-day stay (per packed tariff) and the exit plate match against 10,000 in-lot cars (p99 in
 * the sample-time percentiles). Run from /work/main:
 * <pre>
 * mvn -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/boothdesk-test-cp.txt
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/boothdesk-test-cp.txt) \
 *     com.boothdesk.app.bench.FeeBenchmark [JMH options and a regex, e.g. -f 1 -wi 3 -i 5 'FeeBenchmark.fuzzy']
 * </pre>
 * Without arguments it runs every benchmark here: one fork, 3 warm-up and 5 measured iterations of 1 s each.
 * Look at the {@code :p0.99} rows for the p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeeBenchmark {

    /** In-lot cars for the match. */
    public static final int LOT_SIZE = 10_000;

    /** A 90-day stay (plus 2 h 17 min) on one packed tariff. */
    @State(Scope.Benchmark)
    public static class Stay {
        @Param({"demo-default.json", "day-night.json", "airport-escalating.json", "kaifeng-station.json", "taizhou-ladder.json"})
        public String tariffFile;

        FeeEngine engine;
        Tariff tariff;
        Instant in;
        Instant out;

        @Setup
        public void setUp() {
            engine = new FeeEngine();
            tariff = packed(tariffFile);
            in = LocalDateTime.parse("2026-08-27T07:43").atZone(FeeEngine.CHINA).toInstant();
            out = in.plus(Duration.ofDays(90)).plus(Duration.ofMinutes(137));
        }
    }

    /** 10,000 in-lot plates, a read that is one of them and a read with one OCR confusion. */
    @State(Scope.Benchmark)
    public static class Lot {
        PlateMatcher matcher;
        List<String> plates;
        String fuzzyRead;
        String exactRead;

        @Setup
        public void setUp() {
            matcher = new PlateMatcher(MatchSettings.defaults());
            plates = lot(LOT_SIZE, 20261125L);
            exactRead = plates.get(LOT_SIZE / 2);
            fuzzyRead = confuse(plates.get(LOT_SIZE / 3));
        }
    }

    @Benchmark
    public FeeQuote fee90DayStay(Stay stay) {
        return stay.engine.quote(stay.tariff, "small", stay.in, stay.out);
    }

    @Benchmark
    public List<PlateCandidate> fuzzyMatch10k(Lot lot) {
        return lot.matcher.rank(lot.fuzzyRead, lot.plates);
    }

    @Benchmark
    public List<PlateCandidate> exactMatch10k(Lot lot) {
        return lot.matcher.rank(lot.exactRead, lot.plates);
    }

    /** {@code count} distinct plausible plates (province, city letter, five letters or digits), repeatable. */
    public static List<String> lot(int count, long seed) {
        String provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
        String tail = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        Random random = new Random(seed);
        Set<String> plates = new LinkedHashSet<>();
        while (plates.size() < count) {
            StringBuilder p = new StringBuilder();
            p.append(provinces.charAt(random.nextInt(provinces.length())));
            p.append((char) ('A' + random.nextInt(16)));
            for (int i = 0; i < 5; i++) {
                p.append(tail.charAt(random.nextInt(tail.length())));
            }
            plates.add(p.toString());
        }
        return new ArrayList<>(plates);
    }

    /** The plate with its last character swapped for an OCR look-alike (or a different one), so no exact hit. */
    public static String confuse(String plate) {
        char last = plate.charAt(plate.length() - 1);
        char other = switch (last) {
            case '0' -> 'D';
            case 'D' -> '0';
            case '8' -> 'B';
            case 'B' -> '8';
            case '2' -> 'Z';
            case 'Z' -> '2';
            default -> last == 'X' ? 'Y' : 'X';
        };
        return plate.substring(0, plate.length() - 1) + other;
    }

    static Tariff packed(String file) {
        try (InputStream stream = FeeBenchmark.class.getClassLoader()
                .getResourceAsStream(Tariffs.CLASSPATH_FOLDER + file)) {
            if (stream == null) {
                throw new IllegalStateException("no packed tariff " + file);
            }
            return Tariffs.read(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TariffException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No arguments: the defaults above. With arguments: plain JMH options, ending with a benchmark regex. */
    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length > 0) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        new Runner(new OptionsBuilder().include(FeeBenchmark.class.getName()).build()).run();
    }
}
