package cn.hardshiprelief.task;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.function.Supplier;

/** Engine reads made for the rules themselves, not on behalf of whoever is logged in. */
final class AsSystem {

    private AsSystem() {
    }

    /** Runs the work with the engine's authentication cleared, then puts it back. */
    static <T> T run(IdentityService identityService, Supplier<T> work) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(authentication);
        }
    }
}
