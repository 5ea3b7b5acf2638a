package cn.fupin.platform.domain;

/**
 * One bad field of a request.
 *
 * @param field JSON path of the field, e.g. {@code members[0].idNumber}
 * @param indicator the national indicator code of the field, e.g. {@code A4}, when it has one
 * @param message what is wrong, in Chinese
 */
public record FieldError(String field, String indicator, String message) {
}
