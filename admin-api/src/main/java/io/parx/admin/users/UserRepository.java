package io.parx.admin.users;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import io.parx.common.security.Role;

public interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByUsernameIgnoreCase(String username);

	boolean existsByUsernameIgnoreCase(String username);

	long countByRoleAndEnabledTrue(Role role);

}
