package com.boothdesk.app.ui.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lane.LaneDirection;

/**
 * The booth's keys, decided in one place: which action a key means and which lane it acts on. A key acts on the
 * <b>selected</b> lane only (the one the screen highlights and names in the status line), never on "the first lane
 * that looks busy"; the one booth-wide key cycles the selection. Read from {@code boothdesk/config/keymap.properties}
 * on the class path, then the site's {@code <data>/keymap.properties} (remapping any action). Pure: no JavaFX.
 */
public final class Keymap {

    private static final Logger LOG = LoggerFactory.getLogger(Keymap.class);
    public static final String RESOURCE = "/boothdesk/config/keymap.properties";
    public static final String SITE_FILE = "keymap.properties";

    private static final List<Action> EXIT_LEGEND = List.of(Action.CASH, Action.FREE, Action.CONFIRM, Action.REFUSE,
            Action.NO_RECORD, Action.CORRECT, Action.VEHICLE_CLASS, Action.PICK_1, Action.BARRIER_OPEN,
            Action.BARRIER_CLOSE, Action.KEEP_OPEN, Action.RELEASE_KEEP_OPEN, Action.NEXT_LANE);
    private static final List<Action> ENTRY_LEGEND = List.of(Action.CONFIRM, Action.REFUSE, Action.CORRECT,
            Action.BARRIER_OPEN, Action.BARRIER_CLOSE, Action.KEEP_OPEN, Action.RELEASE_KEEP_OPEN, Action.NEXT_LANE);

    private final Map<Chord, Action> byChord;
    private final Map<Action, List<Chord>> byAction;

    private Keymap(Map<Chord, Action> byChord, Map<Action, List<Chord>> byAction) {
        this.byChord = byChord;
        this.byAction = byAction;
    }

    /**
     * Builds a keymap from {@code action=Key[,Key…]} pairs. An unknown action, an unreadable key or a key bound to two
     * actions is a configuration error (thrown with the line at fault).
     */
    public static Keymap parse(Properties p) {
        Map<Chord, Action> byChord = new LinkedHashMap<>();
        Map<Action, List<Chord>> byAction = new EnumMap<>(Action.class);
        List<String> names = new ArrayList<>(p.stringPropertyNames());
        Collections.sort(names);
        for (String name : names) {
            Action action = Action.fromConfigName(name).orElseThrow(() ->
                    new IllegalArgumentException("keymap: unknown action '" + name + "'"));
            List<Chord> chords = new ArrayList<>();
            for (String k : p.getProperty(name).split(",")) {
                if (k.isBlank()) {
                    continue;
                }
                Chord c;
                try {
                    c = Chord.parse(k);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("keymap: " + name + "=" + p.getProperty(name) + ": "
                            + e.getMessage(), e);
                }
                Action before = byChord.putIfAbsent(c, action);
                if (before != null && before != action) {
                    throw new IllegalArgumentException("keymap: " + c.display() + " is bound to both "
                            + before.configName() + " and " + name);
                }
                chords.add(c);
            }
            byAction.put(action, List.copyOf(chords));
        }
        return new Keymap(Map.copyOf(byChord), byAction);
    }

    /** The built-in keymap with the site's file laid over it (the site file may rebind any action). */
    public static Keymap load(Path siteDir) {
        Properties p = new Properties();
        try (InputStream in = Keymap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in keymap " + RESOURCE + " is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in keymap: " + e.getMessage(), e);
        }
        Path site = siteDir == null ? null : siteDir.resolve(SITE_FILE);
        if (site != null && Files.isRegularFile(site)) {
            Properties own = new Properties();
            try (Reader r = Files.newBufferedReader(site, StandardCharsets.UTF_8)) {
                own.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + site + ": " + e.getMessage(), e);
            }
            p.putAll(own);
            LOG.info("Keymap: the site's {} rebinds {}", site, own.stringPropertyNames());
        }
        return parse(p);
    }

    /**
     * What {@code chord} means with {@code selectedLane} selected among {@code lanes} (in screen order). While a text
     * field has the focus ({@code typing}), a bare digit or letter belongs to the field; with Ctrl it is the key's
     * action (Ctrl+1 picks while typing). {@link Action#NEXT_LANE} names the lane to select next; every other action
     * names the selected lane and nothing else.
     */
    public Optional<KeyCommand> resolve(Chord chord, List<String> lanes, String selectedLane, boolean typing) {
        if (lanes.isEmpty() || selectedLane == null || !lanes.contains(selectedLane)) {
            return Optional.empty();
        }
        Action action = byChord.get(chord);
        if (chord.printable()) {
            if (typing && !chord.ctrl()) {
                return Optional.empty();
            }
            if (action == null && chord.ctrl()) {
                action = byChord.get(chord.withoutCtrl());
            }
        }
        if (action == null) {
            return Optional.empty();
        }
        if (action == Action.NEXT_LANE) {
            int i = lanes.indexOf(selectedLane);
            return Optional.of(new KeyCommand(action, lanes.get((i + 1) % lanes.size())));
        }
        return Optional.of(new KeyCommand(action, selectedLane));
    }

    /** The key shown on the action's button ("F1"), or "" when the site left the action without a key. */
    public String label(Action action) {
        List<Chord> chords = byAction.getOrDefault(action, List.of());
        return chords.isEmpty() ? "" : chords.get(0).display();
    }

    /**
     * The keys that make {@code lane} the selected one when {@code selected} is (lanes in screen order): "" when it
     * is selected already, else the next-lane key, with the number of presses when it takes more than one
     * ("F12", "F12×2"); "" too when the next-lane key is unbound or the lane is unknown (a click selects it).
     */
    public String selectKeys(List<String> lanes, String selected, String lane) {
        if (lane == null || lane.equals(selected) || !lanes.contains(lane) || !lanes.contains(selected)) {
            return "";
        }
        String next = label(Action.NEXT_LANE);
        if (next.isEmpty()) {
            return "";
        }
        int presses = Math.floorMod(lanes.indexOf(lane) - lanes.indexOf(selected), lanes.size());
        return presses == 1 ? next : next + "×" + presses;
    }

    /**
     * What to press for {@code action} to act on {@code lane}: its key when the lane is selected ("F3"), else the keys
     * that select the lane, then the key ("F12 → F3"); "" when the action has no key.
     */
    public String keysFor(Action action, List<String> lanes, String selected, String lane) {
        String key = label(action);
        if (key.isEmpty() || action.isBoothWide()) {
            return key;
        }
        String select = selectKeys(lanes, selected, lane);
        return select.isEmpty() ? key : select + " → " + key;
    }

    /** Every key bound to the action. */
    public List<Chord> chords(Action action) {
        return byAction.getOrDefault(action, List.of());
    }

    /** The actions the legend bar shows for a lane of this direction, in order (PICK_1 stands for all picks). */
    public List<Action> legend(LaneDirection direction) {
        return direction == LaneDirection.EXIT ? EXIT_LEGEND : ENTRY_LEGEND;
    }
}
