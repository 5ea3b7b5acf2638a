package cn.fupin.household.codebook;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.household.api.CodebookApi;
import cn.fupin.contracts.household.model.CodeList;
import cn.fupin.contracts.household.model.CodeOption;

/** The official code lists with their Chinese labels, for forms and front ends. */
@RestController
class CodebookController implements CodebookApi {

    private final cn.fupin.contracts.household.model.Codebook body;

    CodebookController(Codebook codebook) {
        this.body = new cn.fupin.contracts.household.model.Codebook(codebook.version(),
                codebook.lists().stream().map(CodebookController::toDto).toList());
    }

    @Override
    public ResponseEntity<cn.fupin.contracts.household.model.Codebook> getCodebook() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(body.getVersion()).body(body);
    }

    private static CodeList toDto(Codebook.CodeList list) {
        return new CodeList(list.name(), list.options().entrySet().stream()
                .map(option -> new CodeOption(option.getKey(), option.getValue())).toList())
                .indicator(list.indicator()).field(list.field()).multi(list.multi());
    }
}
