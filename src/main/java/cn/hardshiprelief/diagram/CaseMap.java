package cn.hardshiprelief.diagram;

import java.util.Map;

/** A case's map as a page shows it: the diagram with the case's states, and the names of the people its steps name. */
public record CaseMap(ProcessMap map, Map<String, String> names) {

    public CaseMap {
        names = Map.copyOf(names);
    }

    /** A person's name; the username when the directory no longer knows them. */
    public String nameOf(String username) {
        return username == null ? null : names.getOrDefault(username, username);
    }
}
