package dev.earshot.demo;

import jakarta.enterprise.context.ApplicationScoped;

/** STUB until the demo branch is merged. */
@ApplicationScoped
public class DemoMode {
    public boolean enabled() {
        return false;
    }

    public String origin() {
        return "http://127.0.0.1:8080";
    }
}
