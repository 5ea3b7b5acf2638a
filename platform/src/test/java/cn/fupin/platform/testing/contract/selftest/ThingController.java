package cn.fupin.platform.testing.contract.selftest;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A stand-in service that trusts what validation passed, as careless code does: a null tag is a 500. */
@RestController
class ThingController {

    @PostMapping("/things")
    ResponseEntity<Integer> create(@Valid @RequestBody Thing thing) {
        int length = thing.name.length();
        for (String tag : thing.tags) {
            length += tag.length();
        }
        return ResponseEntity.status(201).body(length);
    }
}
