package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.Relation;

import cn.hardshiprelief.person.IdentityNumber;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.storage.UploadRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.multipart.MultipartFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules across fields of the application form: birth date against the identity number, one
 * person once, one "self", the hire date not before the applicant's birth, and every upload of an accepted type and size. Runs after Bean Validation.
 */
@Component
public class ApplicationFormValidator implements Validator {

    static final int MAX_FILES_PER_TYPE = 10;

    private final EvidenceStorage storage;

    public ApplicationFormValidator(EvidenceStorage storage) {
        this.storage = storage;
    }

    @Override
    public boolean supports(Class<?> type) {
        return ApplicationForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ApplicationForm form = (ApplicationForm) target;
        Map<String, Integer> seen = new HashMap<>();
        boolean selfSeen = false;
        List<MemberForm> members = form.getMembers();
        for (int i = 0; i < members.size(); i++) {
            MemberForm m = members.get(i);
            if (m == null) {
                continue; // Bean Validation names the empty row
            }
            String prefix = "members[" + i + "].";
            if (m.getRelation() == Relation.SELF) {
                if (selfSeen) {
                    errors.rejectValue(prefix + "relation", "member.relation.selfTwice");
                }
                selfSeen = true;
                if (form.getHireDate() != null && m.getBirthDate() != null
                        && form.getHireDate().isBefore(m.getBirthDate())) {
                    errors.rejectValue("hireDate", "application.hireDate.beforeBirth");
                }
            }
            if (m.getIdNumber() == null || !IdentityNumber.isValid(m.getIdNumber())) {
                continue;
            }
            IdentityNumber id = IdentityNumber.parse(m.getIdNumber());
            Integer earlier = seen.putIfAbsent(id.value(), i + 1);
            if (earlier != null) {
                errors.rejectValue(prefix + "idNumber", "member.idNumber.duplicate", new Object[]{earlier}, null);
            }
            if (m.getBirthDate() != null && !m.getBirthDate().equals(id.birthDate())) {
                errors.rejectValue(prefix + "birthDate", "member.birthDate.mismatch", new Object[]{id.birthDate()}, null);
            }
        }
        form.uploads().forEach((type, files) -> checkUploads(ApplicationForm.uploadField(type), files, errors));
    }

    private void checkUploads(String field, List<MultipartFile> files, Errors errors) {
        if (files.size() > MAX_FILES_PER_TYPE) {
            errors.rejectValue(field, "upload.tooMany", new Object[]{MAX_FILES_PER_TYPE}, null);
            return;
        }
        for (MultipartFile file : files) {
            try {
                storage.check(file);
            } catch (UploadRejectedException e) {
                errors.rejectValue(field, e.getMessageKey(), e.getArgs(), null);
            }
        }
    }
}
