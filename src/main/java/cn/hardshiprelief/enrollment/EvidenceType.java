package cn.hardshiprelief.enrollment;

/** Kinds of evidence an application carries. */
public enum EvidenceType {
    HARDSHIP_CERTIFICATE, MEDICAL_BILLS, DISABILITY_CERTIFICATE, OTHER
}
