package org.rapport.data.internal.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.rapport.platform.InvalidInput;

/**
 * Which file column feeds which field. Without an explicit mapping, a column named like an API field
 * ({@code firstName}, {@code email}, …, spaces, case, dashes and underscores ignored) or like one of
 * its common English or Chinese synonyms maps by itself; a column {@code cf.<key>} feeds the custom
 * field {@code <key>}. Columns that map to nothing are ignored.
 */
public final class FieldMapping {

	public static final Map<String, List<String>> FIELDS = Map.of(
			"contacts", List.of("firstName", "lastName", "fullName", "email", "phone", "title", "company", "street", "city",
					"region", "postalCode", "country", "lifecycleStage", "source", "tags"),
			"accounts", List.of("name", "industry", "size", "website", "phone", "street", "city", "region", "postalCode",
					"country", "tags"),
			"leads", List.of("firstName", "lastName", "fullName", "email", "phone", "company", "title", "website", "city",
					"country", "source", "notes"),
			"orders", List.of("orderNumber", "customer", "account", "product", "description", "quantity", "unitPrice",
					"discount", "taxRate", "currency", "orderDate"));

	private static final Map<String, String> SYNONYMS = new LinkedHashMap<>();

	/** The entities with custom fields. */
	static final Set<String> CUSTOM_FIELDS = Set.of("contacts", "accounts");

	static {
		synonyms("firstName", "first", "firstname", "givenname", "given", "forename", "名", "名字");
		synonyms("lastName", "last", "lastname", "surname", "familyname", "family", "姓", "姓氏");
		synonyms("fullName", "fullname", "name", "contactname", "contact", "姓名", "联系人");
		synonyms("email", "email", "emailaddress", "mail", "e-mail", "邮箱", "电子邮件", "电子邮箱", "邮件");
		synonyms("phone", "phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "电话", "手机",
				"手机号", "联系电话");
		synonyms("title", "title", "jobtitle", "position", "职位", "职务", "头衔");
		synonyms("company", "company", "companyname", "organisation", "organization", "account", "accountname", "employer",
				"公司", "公司名称", "单位");
		synonyms("street", "street", "address", "streetaddress", "address1", "地址", "街道");
		synonyms("city", "city", "town", "suburb", "城市");
		synonyms("region", "region", "state", "province", "county", "省", "省份", "地区");
		synonyms("postalCode", "postalcode", "postcode", "zip", "zipcode", "邮编", "邮政编码");
		synonyms("country", "country", "国家");
		synonyms("lifecycleStage", "lifecyclestage", "stage");
		synonyms("source", "source", "leadsource", "来源");
		synonyms("tags", "tags", "标签");
		synonyms("industry", "industry", "行业");
		synonyms("size", "size", "companysize", "规模");
		synonyms("website", "website", "web", "url", "网站", "网址");
		synonyms("notes", "notes", "note", "备注");
		synonyms("orderNumber", "ordernumber", "orderno", "order", "orderid", "ordernr", "订单号", "订单编号");
		synonyms("customer", "customer", "customeremail", "customerid", "contactid", "buyer", "客户", "客户邮箱");
		synonyms("product", "product", "sku", "productname", "productsku", "item", "article", "产品", "商品", "货号");
		synonyms("description", "description", "linedescription", "描述", "说明");
		synonyms("quantity", "quantity", "qty", "units", "数量");
		synonyms("unitPrice", "unitprice", "price", "单价", "价格");
		synonyms("discount", "discount", "discountpercent", "折扣");
		synonyms("taxRate", "taxrate", "tax", "vat", "税率");
		synonyms("currency", "currency", "币种", "货币");
		synonyms("orderDate", "orderdate", "date", "订单日期", "日期");
	}

	private FieldMapping() {
	}

	private static void synonyms(String field, String... names) {
		for (String name : names) {
			SYNONYMS.put(normal(name), field);
		}
	}

	static String normal(String header) {
		return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.*:：]", "");
	}

	/** The layout key of a header row: its normalised names, for remembering a mapping. */
	public static String layout(List<String> headers) {
		return String.join("|", headers.stream().map(FieldMapping::normal).toList());
	}

	/** Header → field by name and synonym; the company column of accounts is their name. */
	public static Map<String, String> automatic(String entity, List<String> headers) {
		Map<String, String> mapping = new LinkedHashMap<>();
		List<String> fields = FIELDS.get(entity);
		Set<String> taken = new java.util.HashSet<>();
		for (String header : headers) {
			String field = field(entity, header, fields);
			if (field != null && taken.add(field)) {
				mapping.put(header, field);
			}
		}
		return mapping;
	}

	private static String field(String entity, String header, List<String> fields) {
		String h = header.strip();
		if (h.regionMatches(true, 0, "cf.", 0, 3) && h.length() > 3 && CUSTOM_FIELDS.contains(entity)) {
			return "cf." + h.substring(3).strip();
		}
		for (String field : fields) {
			if (normal(field).equals(normal(h))) {
				return field;
			}
		}
		String field = SYNONYMS.get(normal(h));
		if (entity.equals("accounts") && ("company".equals(field) || "fullName".equals(field))) {
			return "name";
		}
		if (entity.equals("orders")) {
			// the customer is named by e-mail or contact id, the account by name
			field = "email".equals(field) || "fullName".equals(field) ? "customer" : "company".equals(field) ? "account" : field;
		}
		return field != null && fields.contains(field) ? field : null;
	}

	/**
	 * Checks an explicit mapping (header → field, {@code null} or "" to ignore a column) against the
	 * headers and the entity's fields.
	 */
	public static Map<String, String> explicit(String entity, List<String> headers, Map<String, String> given) {
		Map<String, String> mapping = new LinkedHashMap<>();
		List<String> fields = FIELDS.get(entity);
		for (Map.Entry<String, String> e : given.entrySet()) {
			if (!headers.contains(e.getKey())) {
				throw InvalidInput.of("mapping", "unknown-column", "The file has no column \"" + e.getKey() + "\"");
			}
			String field = e.getValue();
			if (field == null || field.isBlank()) {
				continue;
			}
			boolean custom = field.startsWith("cf.") && field.length() > 3 && CUSTOM_FIELDS.contains(entity);
			if (!custom && !fields.contains(field)) {
				throw InvalidInput.of("mapping", "unknown-field", "\"" + field + "\" is not a field of " + entity);
			}
			if (mapping.containsValue(field)) {
				throw InvalidInput.of("mapping", "field-twice", "Two columns map to \"" + field + "\"");
			}
			mapping.put(e.getKey(), field);
		}
		return mapping;
	}

}
