package cn.fupin.client;

/** The client could not sign in (the issuer refused or could not be read). */
public class FupinClientException extends RuntimeException {

    public FupinClientException(String message) {
        super(message);
    }
}
