package dev.earshot.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.earshot.demo.DemoMode;

/** What every page's frame needs to know, available to templates as {@code inject:site}. */
@ApplicationScoped
@Named("site")
public class SiteInfo {

    private final DemoMode demo;

    SiteInfo(DemoMode demo) {
        this.demo = demo;
    }

    /** Demo mode shows a banner on every page: the data is not anyone's. */
    public boolean demo() {
        return demo.enabled();
    }
}
