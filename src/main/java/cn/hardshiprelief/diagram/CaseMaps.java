package cn.hardshiprelief.diagram;

import cn.hardshiprelief.organization.Directory;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The map a case's page shows. Called once the page has checked that the reader may see the case: the map tells
 * no more than the page's own history does.
 */
@Service
public class CaseMaps {

    private final ProcessMaps maps;
    private final Directory directory;

    public CaseMaps(ProcessMaps maps, Directory directory) {
        this.maps = maps;
        this.directory = directory;
    }

    /** Empty for a case with no process instance yet (a draft) or whose history has been cleaned up. */
    public Optional<CaseMap> of(String processInstanceId) {
        return maps.ofInstance(processInstanceId).map(map -> new CaseMap(map, directory.displayNames(map.people())));
    }
}
