/**
 * 问题数据规则: the data-quality rules of the national registry (建档立卡问题数据), run over one household and its
 * record of a year. Pure domain code: storage, events and the self-check API are wired elsewhere.
 */
package cn.fupin.household.quality;
