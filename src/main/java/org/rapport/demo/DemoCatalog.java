package org.rapport.demo;

import java.util.List;

import org.rapport.platform.Role;

/**
 * The fixed cast of the demo company: its teams and people, the companies it sells to, and the
 * words its staff write on the timeline, in English and Chinese. All names are invented.
 */
final class DemoCatalog {

	private DemoCatalog() {
	}

	/** The password of every demo user, documented in docs/demo-data.md. */
	static final String PASSWORD = "demo-password";

	static final String EAST_CHINA = "East China Sales";

	static final String EMEA = "Enterprise EMEA";

	static final String CARE = "Customer Care";

	/**
	 * A member of staff.
	 *
	 * @param username login name
	 * @param displayName shown name
	 * @param email work e-mail
	 * @param role role
	 * @param team team name, or {@code null}
	 * @param locale UI language tag
	 */
	record Person(String username, String displayName, String email, Role role, String team, String locale) {
	}

	static final List<Person> STAFF = List.of(
			new Person("chen.jing", "陈静 Chen Jing", "chen.jing@rapport-demo.example", Role.MANAGER, EAST_CHINA, "zh-CN"),
			new Person("li.wei", "李伟 Li Wei", "li.wei@rapport-demo.example", Role.SALES_REP, EAST_CHINA, "zh-CN"),
			new Person("zhou.min", "周敏 Zhou Min", "zhou.min@rapport-demo.example", Role.SALES_REP, EAST_CHINA, "zh-CN"),
			new Person("sarah.miller", "Sarah Miller", "sarah.miller@rapport-demo.example", Role.MANAGER, EMEA, "en"),
			new Person("james.wright", "James Wright", "james.wright@rapport-demo.example", Role.SALES_REP, EMEA, "en"),
			new Person("anna.becker", "Anna Becker", "anna.becker@rapport-demo.example", Role.SALES_REP, EMEA, "en"),
			new Person("wang.lei", "王磊 Wang Lei", "wang.lei@rapport-demo.example", Role.SUPPORT_AGENT, CARE, "zh-CN"),
			new Person("emily.clark", "Emily Clark", "emily.clark@rapport-demo.example", Role.SUPPORT_AGENT, CARE, "en"),
			new Person("olivia.brown", "Olivia Brown", "olivia.brown@rapport-demo.example", Role.MARKETER, null, "en"),
			new Person("zhang.hao", "张浩 Zhang Hao", "zhang.hao@rapport-demo.example", Role.ANALYST, null, "zh-CN"));

	/** Where a company is, which decides its contacts' names, phones and language. */
	enum Country {

		CN("中国"), GB("United Kingdom"), DE("Germany"), US("United States");

		final String label;

		Country(String label) {
			this.label = label;
		}

		boolean chinese() {
			return this == CN;
		}

	}

	/**
	 * A customer or prospect company.
	 *
	 * @param name company name
	 * @param industry industry
	 * @param size employee band
	 * @param domain web and e-mail domain
	 * @param country country
	 * @param city city
	 * @param region region or state
	 * @param street street address
	 * @param postalCode postal code
	 * @param areaCode the switchboard's area code (CN, GB, DE) or US area code
	 * @param owner username of the owning user ({@code admin} for the administrator)
	 * @param customer whether it already buys (else a prospect)
	 */
	record Company(String name, String industry, String size, String domain, Country country, String city,
			String region, String street, String postalCode, String areaCode, String owner, boolean customer) {
	}

	static final List<Company> COMPANIES = List.of(
			new Company("上海云帆科技有限公司", "Software", "201-1000", "yunfan-tech.cn", Country.CN, "上海", "浦东新区",
					"碧波路 690 号", "201203", "21", "li.wei", true),
			new Company("杭州绿源生物医药有限公司", "Pharmaceuticals", "51-200", "lvyuan-bio.cn", Country.CN, "杭州", "浙江",
					"滨江区江南大道 3688 号", "310051", "571", "zhou.min", false),
			new Company("苏州恒通精密机械有限公司", "Manufacturing", "201-1000", "hengtong-precision.cn", Country.CN, "苏州",
					"江苏", "工业园区星湖街 218 号", "215123", "512", "li.wei", true),
			new Company("南京金陵物流集团", "Logistics", "1001-5000", "jinling-logistics.cn", Country.CN, "南京", "江苏",
					"江宁区秣陵路 88 号", "211100", "25", "chen.jing", true),
			new Company("宁波海港贸易有限公司", "Wholesale", "51-200", "haigang-trade.cn", Country.CN, "宁波", "浙江",
					"北仑区明州路 155 号", "315800", "574", "zhou.min", false),
			new Company("上海星河文化传媒有限公司", "Media", "51-200", "xinghe-media.cn", Country.CN, "上海", "徐汇区",
					"漕溪北路 331 号", "200030", "21", "li.wei", false),
			new Company("无锡华光新能源股份有限公司", "Renewable energy", "1001-5000", "huaguang-energy.cn", Country.CN, "无锡",
					"江苏", "新吴区长江路 21 号", "214028", "510", "chen.jing", true),
			new Company("合肥智联教育科技有限公司", "Education", "11-50", "zhilian-edu.cn", Country.CN, "合肥", "安徽",
					"高新区望江西路 800 号", "230088", "551", "zhou.min", false),
			new Company("上海锦程酒店管理有限公司", "Hospitality", "201-1000", "jincheng-hotels.cn", Country.CN, "上海", "静安区",
					"南京西路 1266 号", "200040", "21", "wang.lei", true),
			new Company("杭州青禾电子商务有限公司", "E-commerce", "51-200", "qinghe-ec.cn", Country.CN, "杭州", "浙江",
					"余杭区文一西路 969 号", "311121", "571", "li.wei", false),
			new Company("常州瑞丰汽车零部件有限公司", "Automotive", "201-1000", "ruifeng-auto.cn", Country.CN, "常州", "江苏",
					"武进区龙城大道 2188 号", "213164", "519", "zhou.min", true),
			new Company("上海康泰医疗器械有限公司", "Medical devices", "201-1000", "kangtai-med.cn", Country.CN, "上海", "闵行区",
					"紫星路 588 号", "200241", "21", "li.wei", true),
			new Company("绍兴雅韵纺织有限公司", "Textiles", "51-200", "yayun-textile.cn", Country.CN, "绍兴", "浙江",
					"柯桥区笛扬路 1 号", "312030", "575", "zhou.min", false),
			new Company("南通长江建设工程有限公司", "Construction", "1001-5000", "changjiang-build.cn", Country.CN, "南通", "江苏",
					"崇川区工农路 111 号", "226001", "513", "chen.jing", false),
			new Company("上海鼎盛财务咨询有限公司", "Financial services", "11-50", "dingsheng-cpa.cn", Country.CN, "上海", "黄浦区",
					"延安东路 618 号", "200001", "21", "li.wei", true),
			new Company("嘉兴禾丰食品有限公司", "Food & beverage", "201-1000", "hefeng-food.cn", Country.CN, "嘉兴", "浙江",
					"南湖区东栅街道 66 号", "314001", "573", "wang.lei", true),
			new Company("上海蓝鲸互动娱乐有限公司", "Games", "51-200", "lanjing-games.cn", Country.CN, "上海", "杨浦区",
					"国定东路 200 号", "200433", "21", "zhou.min", false),
			new Company("厦门鹭岛国际旅行社有限公司", "Travel", "51-200", "ludao-travel.cn", Country.CN, "厦门", "福建",
					"思明区湖滨北路 58 号", "361012", "592", "li.wei", false),
			new Company("青岛海韵家电有限公司", "Consumer electronics", "1001-5000", "haiyun-appliance.cn", Country.CN, "青岛",
					"山东", "崂山区株洲路 151 号", "266101", "532", "chen.jing", true),
			new Company("深圳前海跨境电商有限公司", "E-commerce", "11-50", "qianhai-xb.cn", Country.CN, "深圳", "广东",
					"南山区前湾一路 1 号", "518054", "755", "admin", false),
			new Company("Northwind Analytics Ltd", "Software", "51-200", "northwind-analytics.co.uk", Country.GB, "London",
					"Greater London", "14 Clerkenwell Green", "EC1R 0DP", "20", "james.wright", true),
			new Company("Brightwater Logistics plc", "Logistics", "1001-5000", "brightwater-logistics.co.uk", Country.GB,
					"Manchester", "Greater Manchester", "2 Trafford Wharf Road", "M17 1AB", "161", "anna.becker", true),
			new Company("Harrow & Finch LLP", "Legal services", "51-200", "harrowfinch.co.uk", Country.GB, "London",
					"Greater London", "30 Fleet Street", "EC4Y 1AA", "20", "sarah.miller", false),
			new Company("Kestrel Aerospace Components Ltd", "Aerospace", "201-1000", "kestrel-aero.co.uk", Country.GB,
					"Bristol", "South West England", "Filton Business Park, Unit 7", "BS34 7QS", "117", "james.wright",
					false),
			new Company("Thames Valley Hotels Ltd", "Hospitality", "201-1000", "thamesvalleyhotels.co.uk", Country.GB,
					"Reading", "Berkshire", "48 Kings Road", "RG1 3AA", "118", "emily.clark", true),
			new Company("Albion Telecom Ltd", "Telecommunications", "1001-5000", "albion-telecom.co.uk", Country.GB, "Leeds",
					"West Yorkshire", "1 Whitehall Quay", "LS1 4HR", "113", "anna.becker", false),
			new Company("Highland Spirits Company", "Food & beverage", "51-200", "highland-spirits.co.uk", Country.GB,
					"Edinburgh", "Scotland", "12 Leith Walk", "EH6 5DT", "131", "james.wright", true),
			new Company("Elbe Maschinenbau GmbH", "Manufacturing", "201-1000", "elbe-maschinenbau.de", Country.DE, "Hamburg",
					"Hamburg", "Neuhöfer Straße 23", "21107", "40", "anna.becker", true),
			new Company("Rheinland Pharma AG", "Pharmaceuticals", "1001-5000", "rheinland-pharma.de", Country.DE, "Köln",
					"Nordrhein-Westfalen", "Industriestraße 131", "50996", "221", "sarah.miller", false),
			new Company("Müller & Söhne Präzisionstechnik GmbH", "Manufacturing", "51-200", "mueller-soehne.de", Country.DE,
					"Stuttgart", "Baden-Württemberg", "Motorstraße 54", "70499", "711", "anna.becker", true),
			new Company("Bayern Solar Energie GmbH", "Renewable energy", "51-200", "bayern-solar.de", Country.DE, "München",
					"Bayern", "Leopoldstraße 244", "80807", "89", "james.wright", false),
			new Company("Spree Digital GmbH", "Software", "11-50", "spree-digital.de", Country.DE, "Berlin", "Berlin",
					"Schlesische Straße 26", "10997", "30", "anna.becker", false),
			new Company("Nordlicht Versicherung AG", "Insurance", "1001-5000", "nordlicht-versicherung.de", Country.DE,
					"Frankfurt am Main", "Hessen", "Mainzer Landstraße 50", "60325", "69", "sarah.miller", true),
			new Company("Pioneer Health Systems Inc.", "Healthcare", "1001-5000", "pioneerhealth.example.com", Country.US,
					"Boston", "MA", "200 Seaport Blvd", "02210", "617", "admin", true),
			new Company("Summit Ridge Capital LLC", "Financial services", "51-200", "summitridge.example.com", Country.US,
					"New York", "NY", "450 Lexington Ave", "10017", "212", "james.wright", false),
			new Company("Cascade Retail Group Inc.", "Retail", "5001+", "cascaderetail.example.com", Country.US, "Seattle",
					"WA", "1201 3rd Ave", "98101", "206", "emily.clark", true),
			new Company("Lone Star Energy Partners", "Energy", "201-1000", "lonestar-energy.example.com", Country.US,
					"Houston", "TX", "811 Main St", "77002", "713", "sarah.miller", false),
			new Company("Golden Gate Robotics Inc.", "Robotics", "11-50", "ggrobotics.example.com", Country.US,
					"San Francisco", "CA", "101 Townsend St", "94107", "415", "anna.becker", false),
			new Company("Redwood Biotech Inc.", "Biotechnology", "51-200", "redwoodbio.example.com", Country.US,
					"San Diego", "CA", "10210 Campus Point Dr", "92121", "858", "james.wright", true),
			new Company("Oakridge Academic Press", "Publishing", "51-200", "oakridge-press.co.uk", Country.GB, "Oxford",
					"Oxfordshire", "5 Beaumont Street", "OX1 2LP", "1865", "sarah.miller", false));

	static final List<String> CHINESE_FAMILY_NAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
			"孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹");

	static final List<String> CHINESE_GIVEN_NAMES = List.of("芳", "伟", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
			"艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "晓明", "建华", "海燕", "子涵", "一鸣", "思远",
			"雪梅", "志强", "佳怡", "浩然", "欣怡", "文博", "雨桐", "俊杰", "梓萱", "宇航", "晨曦", "嘉欣");

	static final List<String> ENGLISH_FIRST_NAMES = List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack",
			"Sophie", "Thomas", "Grace", "William", "Emma", "Daniel", "Charlotte", "Michael", "Chloe", "David", "Laura",
			"Robert", "Hannah", "Christopher", "Megan", "Andrew", "Rachel");

	static final List<String> ENGLISH_LAST_NAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
			"Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
			"Wood", "Jackson", "Clarke", "Patel", "Hughes", "Edwards", "O'Brien");

	static final List<String> GERMAN_FIRST_NAMES = List.of("Lukas", "Anna", "Jonas", "Lea", "Felix", "Sophie", "Maximilian",
			"Marie", "Jürgen", "Katrin", "Stefan", "Sabine", "Tobias", "Julia", "Matthias", "Claudia");

	static final List<String> GERMAN_LAST_NAMES = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
			"Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
			"Neumann", "Zimmermann", "Krüger");

	static final List<String> CHINESE_TITLES = List.of("总经理", "采购经理", "技术总监", "销售总监", "IT 经理", "财务经理", "运营总监",
			"市场部经理", "行政主管", "项目经理", "副总裁");

	static final List<String> ENGLISH_TITLES = List.of("Chief Executive Officer", "Head of Procurement", "CTO",
			"IT Manager", "Operations Director", "Finance Director", "Marketing Manager", "Office Manager", "VP Sales",
			"Project Manager", "Head of Customer Service");

	static final List<String> GERMAN_TITLES = List.of("Geschäftsführung", "Leitung Einkauf", "IT-Leitung",
			"Head of Operations", "Finance Director", "Vertriebsleitung", "Projektleitung");

	static final List<String> SOURCES = List.of("website", "referral", "trade show", "cold call", "webinar", "partner");

	static final List<String> CONTACT_TAGS = List.of("decision-maker", "technical", "newsletter", "vip", "trade-show-2026",
			"renewal", "重点客户", "champion");

	static final List<String> ACCOUNT_TAGS = List.of("key-account", "renewal-2026", "partner", "expansion", "重点客户",
			"at-risk");

	static final List<String> CHANNELS = List.of("email", "phone", "wechat", "linkedin");

	/**
	 * What staff write about one kind of interaction, in one language.
	 *
	 * @param subjects subjects to choose from
	 * @param bodies bodies to choose from
	 * @param outcomes call and meeting outcomes, empty for other kinds
	 */
	record Wording(List<String> subjects, List<String> bodies, List<String> outcomes) {
	}

	static final Wording CALL_EN = new Wording(
			List.of("Discovery call", "Follow-up on the proposal", "Pricing questions", "Renewal check-in",
					"Support escalation call", "Reference call with a customer"),
			List.of("Talked through their current process and the main pain points. They want a proposal by month end.",
					"Walked through the revised pricing; they need sign-off from finance.",
					"Discussed the renewal and the extra seats for the new team.",
					"Clarified the integration questions raised by their IT team."),
			List.of("connected", "left voicemail", "interested", "call back next week", "no answer"));

	static final Wording CALL_ZH = new Wording(
			List.of("初次沟通电话", "报价跟进", "续约确认", "技术问题回访", "付款进度确认", "需求确认电话"),
			List.of("了解了客户目前的业务流程和主要痛点，客户希望月底前收到方案。", "沟通了调整后的报价，需要财务部门审批。", "讨论了续约事宜以及新团队需要增加的账号数量。",
					"解答了客户 IT 部门提出的系统对接问题。"),
			List.of("已接通", "有意向", "未接听", "下周回电", "已留言"));

	static final Wording MEETING_EN = new Wording(
			List.of("Product demo", "Quarterly business review", "On-site workshop", "Contract negotiation",
					"Kick-off meeting", "Executive sponsor lunch"),
			List.of("Demo went well; the operations team asked for a trial with their own data.",
					"Reviewed usage and adoption. Agreed on three goals for next quarter.",
					"Mapped their sales process on the whiteboard with the team leads.",
					"Went through the contract redlines with their legal counsel."),
			List.of("positive", "next steps agreed", "needs follow-up", "decision postponed"));

	static final Wording MEETING_ZH = new Wording(
			List.of("产品演示", "季度业务回顾", "现场调研", "合同条款谈判", "项目启动会", "高层拜访"),
			List.of("演示效果很好，运营团队希望用自己的数据试用。", "回顾了系统使用情况，确定了下季度的三个目标。", "与各部门负责人一起梳理了销售流程。",
					"与客户法务逐条核对了合同修改意见。"),
			List.of("进展顺利", "已确定下一步", "需要跟进", "决策推迟"));

	static final Wording EMAIL_EN = new Wording(
			List.of("Sent proposal v2", "Re: integration questions", "Meeting summary and next steps", "Quote for 50 seats",
					"Invitation to our customer webinar", "Renewal terms"),
			List.of("Hi, please find attached the updated proposal with the options we discussed. Best regards",
					"Thanks for your time today. Summary: pilot in May, review in June, decision by July.",
					"As promised, here are the API documentation and the data import template.",
					"Attached is the quote including onboarding and training."),
			List.of());

	static final Wording EMAIL_ZH = new Wording(
			List.of("发送报价单", "会议纪要及后续安排", "回复：系统对接问题", "年度合同草案", "邀请参加线上研讨会", "续约条款"),
			List.of("您好，附件是根据上次讨论更新后的方案，请查收。", "感谢今天的时间。纪要：五月试点，六月评估，七月决策。", "按约定发送 API 文档和数据导入模板。",
					"附件为包含实施和培训费用的报价单。"),
			List.of());

	static final Wording NOTE_EN = new Wording(
			List.of("Budget approved for Q3", "Evaluating a competitor", "Decision maker is the CFO",
					"Prefers short calls before 10 am", "Expansion planned for next year", "New IT director started"),
			List.of("Heard from our champion that the budget was approved at the board meeting.",
					"They are also looking at two other vendors; price is the main criterion.",
					"Any purchase above 50k needs the CFO's signature."),
			List.of());

	static final Wording NOTE_ZH = new Wording(
			List.of("客户预算已批准", "正在评估竞争对手方案", "决策人为财务总监", "客户偏好微信沟通", "下季度有扩容计划", "新任 IT 总监已到岗"),
			List.of("内部支持者透露，预算已在董事会上通过。", "客户同时在看另外两家供应商，价格是主要考虑因素。", "超过五万元的采购需要财务总监签字。"),
			List.of());

	static final List<String> TASKS_EN = List.of("Send renewal quote", "Prepare the QBR deck",
			"Follow up on contract signature", "Schedule a product demo", "Check that the invoice was paid",
			"Send the onboarding plan", "Book the on-site workshop");

	static final List<String> TASKS_ZH = List.of("发送续约报价", "准备季度回顾材料", "跟进合同签署", "安排产品演示", "确认发票付款",
			"发送实施计划", "预约现场培训");

	/** Tasks the administrator gives themselves, so the home page shows open and overdue ones. */
	static final List<String> ADMIN_TASKS = List.of("Review the EMEA pipeline with Sarah",
			"Approve the discount for Northwind Analytics", "检查华东区客户数据质量",
			"Set up a custom field for the contract end date", "Verify the audit trail before the quarterly review",
			"Invite the new support agents");

}
