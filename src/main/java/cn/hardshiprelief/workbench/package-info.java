/** The approver's workbench: what people do to tasks besides deciding them — claim, transfer, delegate, urge, carbon copy, batch decisions. */
package cn.hardshiprelief.workbench;
