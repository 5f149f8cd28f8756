package cn.hardshiprelief.organization;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AppGroupRepository extends JpaRepository<AppGroup, String> {
}
