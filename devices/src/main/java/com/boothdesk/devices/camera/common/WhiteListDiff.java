package com.boothdesk.devices.camera.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to send a camera so that its white list becomes the wanted one, given what was sent before ({@code null} when
 * the camera's list is not known, e.g. after a start: then it is cleared and filled). Not thread-safe: one per
 * camera, used on its command thread.
 */
public final class WhiteListDiff {
    /** The commands to send: clear first (if set), then removals, then additions and changes. */
    public record Plan(boolean clearFirst, List<String> remove, List<WhiteListPlate> put) {
        public boolean isEmpty() {
            return !clearFirst && remove.isEmpty() && put.isEmpty();
        }
    }

    private Map<String, WhiteListPlate> known;

    public Plan plan(List<WhiteListPlate> wanted) {
        Map<String, WhiteListPlate> w = new LinkedHashMap<>();
        wanted.forEach(p -> w.put(p.plate(), p));
        boolean clear = known == null;
        Map<String, WhiteListPlate> base = clear ? Map.of() : known;
        List<String> remove = new ArrayList<>();
        for (String plate : base.keySet()) {
            if (!w.containsKey(plate)) {
                remove.add(plate);
            }
        }
        List<WhiteListPlate> put = new ArrayList<>();
        for (WhiteListPlate p : w.values()) {
            if (!p.equals(base.get(p.plate()))) {
                put.add(p);
            }
        }
        return new Plan(clear, remove, put);
    }

    /** The plan went through: the camera now holds {@code wanted}. */
    public void applied(List<WhiteListPlate> wanted) {
        Map<String, WhiteListPlate> w = new LinkedHashMap<>();
        wanted.forEach(p -> w.put(p.plate(), p));
        known = w;
    }

    /** Something failed half-way: the camera's list is unknown again. */
    public void forget() {
        known = null;
    }
}
