package com.boothdesk.devices.card;

import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.devices.sim.InMemorySerialPair;

/** The lane-card contract over an in-memory line. */
class LaneCardInMemoryTest extends LaneCardContract {
    @Override
    Line createLine() {
        InMemorySerialPair pair = new InMemorySerialPair("mem");
        return new Line() {
            @Override
            public SerialLink host() {
                return pair.endA();
            }

            @Override
            public SerialLink far() {
                return pair.endB();
            }

            @Override
            public void unplug() {
                pair.unplug();
            }

            @Override
            public void replug() {
                pair.replug();
            }

            @Override
            public void close() {
                pair.close();
            }
        };
    }
}
