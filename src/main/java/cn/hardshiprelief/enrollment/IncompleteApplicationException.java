package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.BusinessException;

import java.util.List;

/** Submission refused: the listed parts (message keys) are missing. */
public class IncompleteApplicationException extends BusinessException {

    private final List<String> missing;

    public IncompleteApplicationException(List<String> missing) {
        super("application.incomplete");
        this.missing = List.copyOf(missing);
    }

    public List<String> getMissing() {
        return missing;
    }
}
