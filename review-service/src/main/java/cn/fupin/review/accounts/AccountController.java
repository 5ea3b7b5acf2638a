package cn.fupin.review.accounts;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.review.api.AccountsApi;
import cn.fupin.contracts.review.model.AccountChange;
import cn.fupin.contracts.review.model.AccountInput;
import cn.fupin.contracts.review.model.DisablementInput;
import cn.fupin.platform.security.Caller;

/** Opening and disabling village and township accounts, over HTTP. */
@RestController
class AccountController implements AccountsApi {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @PreAuthorize("hasRole('city-officer')")
    public ResponseEntity<AccountChange> createAccount(AccountInput input, String idempotencyKey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(accounts.create(input.getUsername(),
                input.getDisplayName(), input.getRole().getValue(), input.getAreaCode(), input.getPassword(),
                !Boolean.FALSE.equals(input.getTemporaryPassword()), input.getReason(), Caller.current())));
    }

    @Override
    @PreAuthorize("hasRole('city-officer')")
    public ResponseEntity<AccountChange> disableAccount(String username, DisablementInput input,
            String idempotencyKey) {
        return ResponseEntity.ok(toDto(accounts.disable(username, input.getReason(), Caller.current())));
    }

    @Override
    @PreAuthorize("hasAnyRole('city-officer', 'auditor')")
    public ResponseEntity<List<AccountChange>> listAccountChanges() {
        return ResponseEntity.ok(accounts.changes(Caller.current()).stream().map(AccountController::toDto).toList());
    }

    private static AccountChange toDto(Accounts.Change change) {
        return new AccountChange(change.id(), AccountChange.ActionEnum.fromValue(change.action()), change.username(),
                change.reason(), change.changedBy(), change.at().atOffset(ZoneOffset.UTC)).role(change.role())
                .areaCode(change.areaCode());
    }
}
