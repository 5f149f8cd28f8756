package cn.hardshiprelief.security.camunda;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.*;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * The engine's authorizations (camunda.bpm.authorization.enabled=true): administrators may do
 * everything in Cockpit and Admin; everyone may open Tasklist, see the process definitions and
 * the shared task filters; a task itself is visible to its candidate groups and assignee (the
 * engine grants that when it creates the task). Idempotent, runs after each start.
 */
@Component
class CamundaAuthorizations {

    static final String ADMIN_GROUP = "camunda-admin";

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    CamundaAuthorizations(AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void grant() {
        for (Resources resource : Resources.values()) {
            grantGroup(ADMIN_GROUP, resource, ANY, Permissions.ALL);
        }
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantEveryone(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        createFilter("我的待办 My tasks", 1, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        createFilter("待认领 Group tasks", 2, tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    }

    private void createFilter(String name, int priority, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner(null).setQuery(query)
                    .setProperties(Map.of("priority", priority, "description", name, "refresh", true));
            filters.saveFilter(filter);
        }
        grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void grantGroup(String groupId, Resources resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
    }

    private void grantEveryone(Resources resource, String resourceId, Permission permission) {
        boolean exists = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            auth.setUserId(ANY);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            auth.addPermission(permission);
            authorizations.saveAuthorization(auth);
        }
    }
}
