package com.boothdesk.sdk.protocol;

/**
 * One documented field.
 *
 * @param name      wire name
 * @param type      wire type
 * @param maxLength maximum characters (String, Money) or digits (Number); 0 = not documented
 * @param required  'Y' required, 'N' optional, 'C' conditional (depends on other fields; not checked)
 */
public record FieldSpec(String name, FieldType type, int maxLength, char required) {

    public boolean isRequired() {
        return required == 'Y';
    }
}
