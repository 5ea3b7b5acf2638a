package cn.fupin.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.fupin.platform.security.ContractRoles;
import cn.fupin.platform.security.Role;

/**
 * The roles a contract states for each operation ({@code x-roles}, enforced by the filter chain) and the roles the
 * controller method allows ({@code @PreAuthorize}, enforced at the method) are the same, operation by operation,
 * and every operation of the contract has its handler.
 */
public final class ContractRolesAgreement {

    private static final Pattern ROLE = Pattern.compile("'([\\w-]+)'");

    private ContractRolesAgreement() {
    }

    public static void verify(ApplicationContext context, String contract) {
        ContractRoles roles = ContractRoles.fromContract(contract);
        assertThat(roles.operations()).as(contract).isNotEmpty();
        List<String> handled = new ArrayList<>();
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .values().forEach(handler -> roles.operation(handler.getMethod().getName()).ifPresent(operation -> {
                    handled.add(operation.operationId());
                    assertThat(allowed(handler)).as(operation.operationId() + ": @PreAuthorize vs x-roles")
                            .isEqualTo(new TreeSet<>(operation.roles()));
                }));
        assertThat(handled).as("operations with a handler")
                .containsExactlyInAnyOrderElementsOf(roles.operations().stream()
                        .map(ContractRoles.Operation::operationId).toList());
    }

    private static Set<String> allowed(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        Set<String> roles = new TreeSet<>();
        if (rule == null || rule.value().equals("isAuthenticated()")) {
            Arrays.stream(Role.values()).map(Role::realmRole).forEach(roles::add);
            return roles;
        }
        Matcher matcher = ROLE.matcher(rule.value());
        while (matcher.find()) {
            roles.add(matcher.group(1));
        }
        return roles;
    }
}
