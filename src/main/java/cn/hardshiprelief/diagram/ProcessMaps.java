package cn.hardshiprelief.diagram;

import java.util.Optional;

/**
 * The map of one case: the diagram of the process version its instance runs on, with the case's states. The
 * caller has checked that the reader may see the case; empty when there is no instance (a draft) or its history
 * is gone.
 */
public interface ProcessMaps {

    Optional<ProcessMap> ofInstance(String processInstanceId);
}
