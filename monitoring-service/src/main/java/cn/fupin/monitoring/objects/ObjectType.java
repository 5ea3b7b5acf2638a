package cn.fupin.monitoring.objects;

/** 脱贫不稳定户 (form 5, found by the head's ID among exited households) or 边缘易致贫户 (form 4). */
public enum ObjectType {
    UNSTABLE_EXITED, MARGINAL
}
