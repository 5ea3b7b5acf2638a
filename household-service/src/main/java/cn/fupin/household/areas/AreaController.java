package cn.fupin.household.areas;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.household.api.AreasApi;
import cn.fupin.contracts.household.model.AreaNode;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/** The division tree (county → township → village) from the caller's area down, with poor villages marked. */
@RestController
class AreaController implements AreasApi {

    private final DivisionTree divisions;

    AreaController(DivisionTree divisions) {
        this.divisions = divisions;
    }

    @Override
    public ResponseEntity<AreaNode> getAreas() {
        return getArea(Caller.current().scope().prefix());
    }

    @Override
    public ResponseEntity<AreaNode> getArea(String code) {
        AreaScope scope = Caller.current().scope();
        DivisionTree.Division division = divisions.find(code).filter(found -> scope.covers(found.code()))
                .orElseThrow(() -> ApiException.notFound("行政区划", code));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(toDto(division));
    }

    private static AreaNode toDto(DivisionTree.Division division) {
        return new AreaNode(division.code(), division.name(), AreaNode.LevelEnum.fromValue(division.level().name()),
                division.poorVillage(), division.children().stream().map(AreaController::toDto).toList());
    }
}
