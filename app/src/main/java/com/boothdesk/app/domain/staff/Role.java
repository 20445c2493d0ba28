package com.boothdesk.app.domain.staff;

/** What an account may do at the booth. */
public enum Role {
    /** Takes money at the exits during a shift. */
    ATTENDANT("收费员"),
    /** As an attendant, and confirms what the site reserves to supervisors (free releases, manual lifts …). */
    SUPERVISOR("主管"),
    /** As a supervisor, and manages the accounts. */
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** Chinese name for screens and reports. */
    public String label() {
        return label;
    }

    /** Whether this role may confirm a supervised action. */
    public boolean supervises() {
        return this != ATTENDANT;
    }

    /** Whether this role may create, change and delete accounts. */
    public boolean administers() {
        return this == ADMIN;
    }
}
