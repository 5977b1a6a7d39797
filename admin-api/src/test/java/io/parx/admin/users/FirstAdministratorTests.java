package io.parx.admin.users;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import io.parx.common.security.Role;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The start-up rule for the first administrator (issue 3: never invent a password). */
class FirstAdministratorTests {

	private final UserRepository users = mock(UserRepository.class);

	private final UserService service = mock(UserService.class);

	@Test
	void emptyDatabaseWithSettingsGetsAnAdministrator() {
		given(this.service.create(any(), any(), any(), any()))
			.willReturn(new UserView(1, "root", Role.ADMIN, true, 0, null, null, null));
		new FirstAdministrator(this.users, this.service, new AdminSettings("root", "long-enough-1")).run(null);
		verify(this.service).create(any(), eq("root"), eq("long-enough-1"), eq("ADMIN"));
	}

	@Test
	void withoutSettingsNothingIsCreatedAndTheServiceStillStarts() {
		new FirstAdministrator(this.users, this.service, new AdminSettings("", "")).run(null);
		new FirstAdministrator(this.users, this.service, new AdminSettings(null, null)).run(null);
		verify(this.service, never()).create(any(), any(), any(), any());
	}

	@Test
	void existingUsersAreNeverTouched() {
		given(this.users.count()).willReturn(3L);
		new FirstAdministrator(this.users, this.service, new AdminSettings("root", "long-enough-1")).run(null);
		verify(this.service, never()).create(any(), any(), any(), any());
	}

	@Test
	void unacceptableSettingsStopTheStartWithAClearMessage() {
		given(this.service.create(any(), any(), any(), any()))
			.willThrow(new ErrorResponseException(HttpStatus.BAD_REQUEST));
		assertThatIllegalStateException().isThrownBy(
				() -> new FirstAdministrator(this.users, this.service, new AdminSettings("root", "short")).run(null))
			.withMessageContaining("PARX_ADMIN_PASSWORD");
	}

}
