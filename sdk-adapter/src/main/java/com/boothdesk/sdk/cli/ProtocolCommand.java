package com.boothdesk.sdk.cli;

import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.FieldSpec;
import com.boothdesk.sdk.protocol.Issue;
import com.boothdesk.sdk.protocol.MessageSpec;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.boothdesk.sdk.wire.WireCodec;
import com.boothdesk.sdk.wire.WireFormatException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./boothdesk protocol validate FILE|-} and {@code ./boothdesk protocol list}: the integrator's tool. */
@Command(name = "protocol", mixinStandardHelpOptions = true,
        description = "Parking-cloud protocol tools: validate messages, list the catalogue.",
        subcommands = {ProtocolCommand.Validate.class, ProtocolCommand.ListCatalogue.class})
public final class ProtocolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Standalone entry point (the application registers this command under ./boothdesk). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new ProtocolCommand()).execute(args));
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Validates one JSON message, or one message per line. Exit code 0 when every message is valid, else 1. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Parse messages (a JSON object, or one per line; wire envelopes are unwrapped) and print "
                    + "service_name, direction, target and fields, or every violation. Exit 0 valid, 1 invalid.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE|-", description = "file to read, - for standard input")
        String file;

        InputStream stdin = System.in;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String text;
            try {
                text = file.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            List<Map.Entry<String, Object>> items = split(text);
            if (items.isEmpty()) {
                out.println("no message found");
                return 1;
            }
            ProtocolValidator validator = new ProtocolValidator(Catalogue.get());
            boolean allOk = true;
            for (Map.Entry<String, Object> item : items) {
                if (items.size() > 1) {
                    out.println("--- " + item.getKey());
                }
                if (item.getValue() instanceof String error) {
                    out.println("ERROR malformed JSON: " + error);
                    allOk = false;
                    continue;
                }
                Validation v = validator.validate(unwrap((ObjectNode) item.getValue()));
                print(out, v);
                allOk &= v.ok();
            }
            out.flush();
            return allOk ? 0 : 1;
        }

        private static List<Map.Entry<String, Object>> split(String text) {
            List<Map.Entry<String, Object>> items = new ArrayList<>();
            try {
                items.add(Map.entry("message", WireCodec.parseObject(text.strip())));
                return items;
            } catch (WireFormatException whole) {
                String[] lines = text.split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    String l = lines[i].strip();
                    if (l.isEmpty()) {
                        continue;
                    }
                    try {
                        items.add(Map.entry("line " + (i + 1), WireCodec.parseObject(l)));
                    } catch (WireFormatException e) {
                        items.add(Map.entry("line " + (i + 1), e.getMessage()));
                    }
                }
                return items;
            }
        }

        /** A wire envelope {service_name, sign, token, data} is shown as the business message it carries. */
        static ObjectNode unwrap(ObjectNode o) {
            if (o.has("sign") && o.get("data") instanceof ObjectNode d) {
                ObjectNode flat = d.deepCopy();
                flat.set("service_name", o.get("service_name"));
                return flat;
            }
            return o;
        }

        private static void print(PrintWriter out, Validation v) {
            out.println("service_name: " + (v.serviceName().isEmpty() ? "(none)" : v.serviceName()));
            out.println("direction:    " + v.direction() + v.spec().map(s -> " (" + s.toc() + " " + s.title() + ")")
                    .orElse(""));
            out.println("target:       " + v.target());
            v.spec().ifPresent(s -> {
                if (s.coverage() == MessageSpec.Coverage.UNKNOWN) {
                    out.println("coverage:     fields unknown: every field is kept as sent");
                }
            });
            out.println("fields:");
            ObjectNode body = v.message();
            if (v.spec().isPresent() && v.spec().get().shape() != MessageSpec.Shape.FLAT
                    && body.get("data") instanceof ObjectNode d) {
                body = d;
            }
            for (Map.Entry<String, JsonNode> f : body.properties()) {
                String type = v.spec().flatMap(s -> fieldOf(s, v.role(), f.getKey())).map(fs -> fs.type().label())
                        .orElse(v.extraFields().contains(f.getKey()) ? "not in the catalogue, kept" : "");
                out.println("  " + f.getKey() + " = " + abbreviate(WireCodec.toJson(f.getValue()))
                        + (type.isEmpty() ? "" : "  [" + type + "]"));
            }
            if (v.issues().isEmpty()) {
                out.println("violations:   none");
            } else {
                out.println("violations:");
                for (Issue i : v.issues()) {
                    out.println("  " + i);
                }
            }
            out.println(v.ok() ? "VALID" : "INVALID (" + v.errorCount() + " error(s))");
        }

        private static java.util.Optional<FieldSpec> fieldOf(MessageSpec s, Validation.Role role, String name) {
            List<FieldSpec> fields = role == Validation.Role.REQUEST ? s.fields() : s.replyFields().orElse(List.of());
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        private static String abbreviate(String s) {
            return s.length() <= 120 ? s : s.substring(0, 117) + "...";
        }
    }

    /** Prints the catalogue with coverage. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print every catalogue entry (ToC 1.1-7.7) with its service_name, direction and how the "
                    + "booth handles it (effect / answered only / refused / sent / not sent), or with --catalogue its "
                    + "target and coverage.")
    static final class ListCatalogue implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--markdown", description = "print a Markdown table (PROTOCOL-COVERAGE.md)")
        boolean markdown;

        @Option(names = "--catalogue", description = "the bare catalogue, without how this booth handles each entry")
        boolean catalogueOnly;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!catalogueOnly) {
                java.util.Optional<com.boothdesk.sdk.protocol.BoothHandling> booth = java.util.ServiceLoader
                        .load(com.boothdesk.sdk.protocol.BoothHandling.class).findFirst();
                if (booth.isPresent()) {
                    out.print(markdown ? booth.get().markdown() : booth.get().text());
                    out.flush();
                    return 0;
                }
            }
            List<MessageSpec> entries = Catalogue.get().entries();
            if (markdown) {
                out.println("| ToC | service_name | direction | data_target | coverage | fields | reply fields | title |");
                out.println("|---|---|---|---|---|---|---|---|");
            } else {
                out.printf("%-5s %-26s %-6s %-13s %-8s %6s  %s%n", "ToC", "service_name", "dir", "target",
                        "coverage", "fields", "title");
            }
            for (MessageSpec e : entries) {
                String name = e.hasServiceName() ? e.serviceName() : "(unknown)";
                String coverage = e.coverage() == MessageSpec.Coverage.UNKNOWN ? "fields unknown"
                        : e.coverage().name().toLowerCase();
                String reply = e.replyFields().map(r -> String.valueOf(r.size())).orElse("no reply");
                if (markdown) {
                    out.printf("| %s | %s | %s | %s | %s | %d | %s | %s |%n", e.toc(),
                            e.hasServiceName() ? "`" + name + "`" : name, e.direction(), e.dataTarget(), coverage,
                            e.fields().size(), reply, e.title());
                } else {
                    out.printf("%-5s %-26s %-6s %-13s %-8s %6d  %s%n", e.toc(), name, e.direction(), e.dataTarget(),
                            e.coverage().name().toLowerCase(), e.fields().size(), e.title());
                }
            }
            long known = entries.stream().filter(e -> e.coverage() == MessageSpec.Coverage.KNOWN).count();
            long partial = entries.stream().filter(e -> e.coverage() == MessageSpec.Coverage.PARTIAL).count();
            long unknown = entries.stream().filter(e -> e.coverage() == MessageSpec.Coverage.UNKNOWN).count();
            out.println();
            out.printf("%d entries: %d known, %d partial (page cut or fields from prose), %d fields unknown "
                    + "(carried as generic messages that keep every field)%n", entries.size(), known, partial,
                    unknown);
            out.flush();
            return 0;
        }
    }
}
