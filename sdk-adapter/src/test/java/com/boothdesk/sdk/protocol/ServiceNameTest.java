package com.boothdesk.sdk.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The enum and the catalogue agree entry for entry: same names, same ToC numbers, same directions. */
class ServiceNameTest {

    @Test
    void everyNamedCatalogueEntryHasItsConstantAndBack() {
        Map<String, List<String>> tocsByName = new LinkedHashMap<>();
        Map<String, MessageSpec.Direction> dirByName = new LinkedHashMap<>();
        for (MessageSpec e : Catalogue.get().entries()) {
            if (e.hasServiceName()) {
                tocsByName.computeIfAbsent(e.serviceName(), k -> new ArrayList<>()).add(e.toc());
                dirByName.put(e.serviceName(), e.direction());
            }
        }
        Set<String> fromEnum = new TreeSet<>();
        for (ServiceName n : ServiceName.values()) {
            if (n.inferred()) {
                // an inferred name belongs to an entry the catalogue leaves unnamed
                assertThat(n.tocs()).allSatisfy(t -> assertThat(Catalogue.get().byToc(t).orElseThrow()
                        .hasServiceName()).as(t).isFalse());
                continue;
            }
            fromEnum.add(n.wire());
            assertThat(n.tocs()).as(n.wire()).isEqualTo(tocsByName.get(n.wire()));
            assertThat(n.direction()).as(n.wire()).isEqualTo(dirByName.get(n.wire()));
            assertThat(n.name()).isEqualTo(n.wire().toUpperCase());
            assertThat(n.specs()).allSatisfy(s -> assertThat(s.serviceName()).isEqualTo(n.wire()));
        }
        assertThat(fromEnum).isEqualTo(new TreeSet<>(tocsByName.keySet()));
    }

    @Test
    void envelopeSetsMatchTheCatalogueShapes() {
        for (ServiceName n : ServiceName.values()) {
            boolean parkInfo = !n.inferred() && n.specs().stream()
                    .anyMatch(s -> s.shape() == MessageSpec.Shape.PARKINFO);
            assertThat(n.sentInParkInfo()).as(n.wire()).isEqualTo(parkInfo);
            if (n.answeredInParkInfo()) {
                assertThat(n.isDownlink()).isTrue();
                assertThat(n.specs().get(0).title()).contains("parkInfo");
            }
        }
    }

    @Test
    void specialCasesAreData() {
        assertThat(ServiceName.of("car_type_upload")).contains(ServiceName.UPLOAD_CAR_TYPE);
        assertThat(ServiceName.UPLOAD_CAR_TYPE.replyName()).isEqualTo("car_type_upload");
        assertThat(ServiceName.UPLOAD_CAR_TYPE.replyKeyField("car_type_id")).isEqualTo("cartype_id");
        assertThat(ServiceName.IN_PARK.replyKeyField("order_id")).isEqualTo("order_id");
        assertThat(ServiceName.LATERPAY_ORDER_UPLOAD.replyMessageField()).isEqualTo("message");
        assertThat(ServiceName.PAY_NOTICE.tocs()).containsExactly("3.25", "3.36");
        assertThat(ServiceName.OUTPARK.replyTarget()).isEqualTo("bolink");
        assertThat(ServiceName.GATE_SYNC.replyTarget()).isEqualTo("cloud");
        assertThat(ServiceName.UPDATE_BALANCE.answered()).isFalse();
        assertThat(ServiceName.QUERY_PRICE.isQuestion()).isTrue();
        assertThat(ServiceName.OUTPARK.isQuestion()).isFalse();
        assertThat(ServiceName.of("no_such_thing")).isEmpty();
        assertThat(ServiceName.of(null)).isEmpty();
        assertThat(ServiceName.UPLOAD_PARK_LOG.inferred()).isTrue();
    }
}
