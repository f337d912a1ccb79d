package vn.congvu.uplink.internal;

/**
 * Who signed the rule bundles this node runs. A service inside the uplink, registered only while the rule bundle
 * manager ({@code vn.congvu.modules.RuleBundles}) runs, so that the inventory sender never loads a class of that
 * optional package itself: without the manager, the inventory goes without signers.
 */
public interface SignerSource {

    /** @return the signers of the rule bundles installed now */
    Signers signers();
}
