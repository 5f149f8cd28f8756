/**
 * {@code hardshipEnrollment}: starting it (EnrollmentProcessStarter, the enrollment port), the review and
 * correction listeners, 三查一访's completion, civil-affairs matching, classification, the public notice and its
 * objections, filing. Its ids are {@code enrollment.HardshipEnrollmentProcess}.
 */
package cn.hardshiprelief.process.enrollment;
