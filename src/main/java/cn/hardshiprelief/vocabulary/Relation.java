package cn.hardshiprelief.vocabulary;

/** How a household member is related to the worker. */
public enum Relation {
    SELF, SPOUSE, CHILD, PARENT, PARENT_IN_LAW, SIBLING, GRANDPARENT, GRANDCHILD, OTHER
}
