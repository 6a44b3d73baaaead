package org.smarthall.demo.internal;

import java.util.ArrayList;
import java.util.List;

import org.smarthall.api.customer.Codes;

/**
 * The province the demo is set in: real Shandong divisions, their supply units and halls, and the
 * words names and addresses are made of. Every character is in GBK, the provincial systems'
 * encoding.
 */
final class Shandong {

    /** A county-level division (GB/T 2260) with its city. */
    record District(String code, String city, String name, String areaCode) {
        String shortName() {
            return name.substring(0, name.length() - 1);
        }

        String supplyUnit() {
            return "国网" + city + "供电公司" + shortName() + "供电中心";
        }
    }

    /**
     * A business hall.
     *
     * @param windows counter windows, numbered from 1
     */
    record HallSite(String id, String name, District district, List<String> zones, int windows) {
        boolean has(String zone) {
            return zones.contains(zone);
        }
    }

    /** Districts with a hall, in the order halls are added to a province. */
    static final List<District> HALL_DISTRICTS = List.of(
            new District("370102", "济南", "历下区", "0531"),
            new District("370103", "济南", "市中区", "0531"),
            new District("370104", "济南", "槐荫区", "0531"),
            new District("370105", "济南", "天桥区", "0531"),
            new District("370112", "济南", "历城区", "0531"),
            new District("370202", "青岛", "市南区", "0532"),
            new District("370203", "青岛", "市北区", "0532"),
            new District("370211", "青岛", "黄岛区", "0532"),
            new District("370212", "青岛", "崂山区", "0532"),
            new District("370303", "淄博", "张店区", "0533"),
            new District("370602", "烟台", "芝罘区", "0535"),
            new District("370705", "潍坊", "奎文区", "0536"),
            new District("370811", "济宁", "任城区", "0537"),
            new District("370902", "泰安", "泰山区", "0538"),
            new District("371002", "威海", "环翠区", "0631"),
            new District("371102", "日照", "东港区", "0633"),
            new District("371302", "临沂", "兰山区", "0539"),
            new District("371402", "德州", "德城区", "0534"),
            new District("371502", "聊城", "东昌府区", "0635"),
            new District("371702", "菏泽", "牡丹区", "0530"));

    /** Districts without a demo hall: some customers live there too. */
    static final List<District> OTHER_DISTRICTS = List.of(
            new District("370113", "济南", "长清区", "0531"),
            new District("370114", "济南", "章丘区", "0531"),
            new District("370124", "济南", "平阴县", "0531"),
            new District("370213", "青岛", "李沧区", "0532"),
            new District("370214", "青岛", "城阳区", "0532"),
            new District("370302", "淄博", "淄川区", "0533"),
            new District("370402", "枣庄", "市中区", "0632"),
            new District("370502", "东营", "东营区", "0546"),
            new District("370613", "烟台", "莱山区", "0535"),
            new District("370702", "潍坊", "潍城区", "0536"),
            new District("371602", "滨州", "滨城区", "0543"));

    /**
     * Division codes found at the start of identity numbers: people were born all over the
     * province, some where a division has since been renamed (370181 Zhangqiu city, now 370114).
     */
    static final List<String> BIRTH_DIVISIONS;

    private static final String HALL_CODES = "JN-LX JN-SZ JN-HY JN-TQ JN-LC QD-SN QD-SB QD-HD QD-LS ZB-ZD YT-ZF WF-KW "
            + "JNG-RC TA-TS WH-HC RZ-DG LY-LS DZ-DC LC-DCF HZ-MD";
    /** Zones beyond the six every hall has, by hall (cycling). */
    private static final List<List<String>> EXTRA_ZONES = List.of(
            List.of("negotiation", "online_experience", "display", "vip"),
            List.of("negotiation", "display"),
            List.of("online_experience", "vip"),
            List.of("display"),
            List.of("negotiation", "vip"),
            List.of("negotiation", "online_experience", "display"),
            List.of());
    private static final List<String> EVERY_HALL = List.of("entrance", "guidance", "waiting", "counter", "payment",
            "self_service");

    static final List<HallSite> HALLS;

    static {
        List<String> births = new ArrayList<>();
        HALL_DISTRICTS.forEach(d -> births.add(d.code()));
        OTHER_DISTRICTS.forEach(d -> births.add(d.code()));
        births.addAll(List.of("370181", "370283", "370681", "370781", "370829", "371321", "371522", "370923",
                "371122", "370481"));
        BIRTH_DIVISIONS = List.copyOf(births);

        String[] codes = HALL_CODES.split(" ");
        int[] windows = {4, 3, 3, 4, 3};
        List<HallSite> halls = new ArrayList<>();
        for (int i = 0; i < HALL_DISTRICTS.size(); i++) {
            District d = HALL_DISTRICTS.get(i);
            List<String> extra = EXTRA_ZONES.get(i % EXTRA_ZONES.size());
            List<String> zones = Codes.ZONES.stream().filter(z -> EVERY_HALL.contains(z) || extra.contains(z)).toList();
            halls.add(new HallSite(codes[i] + "-01", d.city() + d.shortName() + "供电营业厅", d, zones,
                    windows[i % windows.length]));
        }
        HALLS = List.copyOf(halls);
    }

    /** Surnames with their approximate share in Shandong (per mille). */
    static final Weighted<String> SURNAMES = surnames(
            "王74 李72 张70 刘55 陈30 杨28 赵25 孙24 徐20 马18 高17 朱15 于15 郭14 周14 吴13 胡12 宋12 韩11 董11 "
            + "孔10 曹10 田10 程9 袁9 许9 邵8 冯8 吕8 郑8 姜8 崔8 何8 林7 魏7 尹7 薛7 贾7 丁7 任6 孟6 秦6 杜6 侯6 "
            + "潘6 黄6 罗5 梁5 谢5 唐5 邓5 彭5 曾5 肖5 蒋5 蔡5 苏5 叶4 沈4 姚4 卢4 段4 牟4 曲4 颜3 毛3 郝3 邢3 "
            + "范3 石3 白3 方3 谭3 陆3 汪3 金3 夏3 付3 邹3 龙2 万2 钱2 严2 武2 戴2 莫2 向2 汤2 庞2 房2 鲁2");
    static final String MALE_GIVEN = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋亮成建志国峰海东文博晨阳振庆德永兴胜利"
            + "新祥宏伦彬鸿然";
    static final String FEMALE_GIVEN = "芳娜敏静丽艳娟霞燕玲桂英秀兰萍红梅琳莉婷雪慧颖倩琴云洁佳欣悦怡晶蕾璐瑶荣凤丹岩玉美萌月亚楠春香爱琪";
    static final List<String> ROADS = List.of("人民路", "解放路", "建设路", "和平路", "新华路", "胜利街", "光明路", "文化路",
            "青年路", "泰山路", "黄河路", "长江路", "中山路", "东风路", "工业路", "府前街", "朝阳路", "幸福路", "振兴路",
            "花园路", "学府路", "滨河路", "经十路", "山大路", "历山路", "北园大街", "舜耕路", "金桥路", "齐鲁大道",
            "东方红路");
    static final List<String> COMPOUNDS = List.of("阳光花园", "幸福家园", "锦绣城", "山水名园", "和谐小区", "金色港湾",
            "御景苑", "银座花园", "百合小区", "雅居园", "世纪花园", "明湖小区", "泉景苑", "文苑小区", "电力宿舍", "翠竹园",
            "丽景园", "鑫苑", "绿地新城", "东方小区");
    static final List<String> STREETS = List.of("城东", "城西", "城南", "城北", "新华", "人民", "和平", "光明", "振兴",
            "幸福", "文化", "东关", "西关", "泉城", "金山");
    static final List<String> FIRM_WORDS = List.of("恒泰", "华鲁", "鲁信", "金宇", "宏达", "瑞丰", "海润", "鑫源", "齐鲁",
            "远大", "明珠", "新华", "东方", "泰和", "荣盛", "永安", "中兴", "华盛", "利民", "德润", "福瑞", "天元", "汇通",
            "鼎盛", "盛世", "正大", "华泰", "宏图", "聚源", "信达", "嘉禾", "凯瑞", "润丰", "同创", "博远", "恒信", "和顺",
            "昌盛", "康达", "金诚");
    static final Weighted<String> FIRM_SUFFIXES = new Weighted<>(
            List.of("有限公司", "股份有限公司", "有限责任公司", "集团有限公司"), 60, 15, 15, 10);

    /** An industry (GB/T 4754-2017 division) and the word a firm of it puts in its name. */
    record Industry(String code, String word) {
    }

    static final Weighted<Industry> ENTERPRISE_INDUSTRIES = new Weighted<>(List.of(
            new Industry("A01", "农业科技"), new Industry("C13", "食品"), new Industry("C15", "酒业"),
            new Industry("C17", "纺织"), new Industry("C22", "纸业"), new Industry("C26", "化工"),
            new Industry("C27", "制药"), new Industry("C29", "橡胶"), new Industry("C30", "建材"),
            new Industry("C31", "钢铁"), new Industry("C33", "金属制品"), new Industry("C34", "机械"),
            new Industry("C36", "汽车零部件"), new Industry("C38", "电气"), new Industry("C39", "电子"),
            new Industry("D46", "水务"), new Industry("E47", "建设"), new Industry("F51", "商贸"),
            new Industry("F52", "商业"), new Industry("G54", "物流"), new Industry("H61", "酒店"),
            new Industry("H62", "餐饮"), new Industry("I65", "软件"), new Industry("K70", "置业"),
            new Industry("M73", "科技")),
            3, 6, 2, 5, 3, 8, 3, 4, 5, 3, 6, 7, 4, 5, 4, 1, 4, 6, 5, 4, 2, 3, 3, 3, 3);

    /** A kind of public body: its industry and how its name is made ({@code %s} is the district). */
    record PublicBody(String industry, String pattern) {
    }

    static final Weighted<PublicBody> PUBLIC_BODIES = new Weighted<>(List.of(
            new PublicBody("S91", "%s人民政府"), new PublicBody("S91", "%s人民政府%s街道办事处"),
            new PublicBody("S91", "%s教育和体育局"), new PublicBody("S91", "%s市场监督管理局"),
            new PublicBody("S91", "%s财政局"), new PublicBody("S91", "%s民政局"), new PublicBody("S91", "%s人民法院"),
            new PublicBody("S91", "%s人民检察院"), new PublicBody("S91", "%s住房和城乡建设局"),
            new PublicBody("S91", "%s卫生健康局"), new PublicBody("S91", "%s城市管理局"), new PublicBody("S90", "中共%s委员会"),
            new PublicBody("S92", "政协%s委员会"), new PublicBody("S93", "%s社会保险事业中心"),
            new PublicBody("S95", "%s%s社区居民委员会"), new PublicBody("P83", "%s第%s中学"),
            new PublicBody("P83", "%s%s小学"), new PublicBody("Q84", "%s人民医院"), new PublicBody("Q84", "%s妇幼保健院"),
            new PublicBody("N78", "%s园林绿化服务中心")),
            6, 10, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 8, 5, 8, 3, 2, 2);

    private Shandong() {
    }

    private static Weighted<String> surnames(String table) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String entry : table.split(" ")) {
            names.add(entry.substring(0, 1));
            weights.add(Double.parseDouble(entry.substring(1)));
        }
        return new Weighted<>(names, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
