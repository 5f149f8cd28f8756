/** Enrollment applications (困难职工申请): a worker, or union staff for them, applies to be filed. */
package cn.hardshiprelief.enrollment;
