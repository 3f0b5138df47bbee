package org.rapport.demo;

import java.util.List;
import java.util.Optional;

import org.rapport.customers.ContactManagement;
import org.rapport.customers.ContactQuery;
import org.rapport.customers.ContactView;
import org.rapport.platform.Actor;
import org.rapport.platform.UserDirectory;
import org.rapport.platform.UserDirectory.UserSummary;
import org.rapport.service.QueueManagement;
import org.rapport.service.QueueManagement.QueueFields;
import org.rapport.service.QueueView;
import org.rapport.service.SurveyManagement;
import org.rapport.service.TicketFields;
import org.rapport.service.TicketManagement;
import org.rapport.service.TicketManagement.ReplyInput;
import org.rapport.service.TicketView;

/**
 * The demo company's service desk: two queues of the Customer Care team, a dozen bilingual tickets
 * in every status (answered, waiting on the customer, resolved, a complaint), and satisfaction
 * answers on the resolved ones, all through the service facades.
 */
final class DemoService {

	private static final String[][] TICKETS = {
			// subject, category, type, priority, final status, CSAT (0 = none)
			{ "Cannot sign in after password reset / 重置密码后无法登录", "login", "problem", "high", "resolved", "5" },
			{ "Invoice shows the wrong VAT rate / 发票税率错误", "billing", "complaint", "high", "resolved", "2" },
			{ "How do I export contacts to Excel? / 如何导出联系人？", "data", "question", "low", "resolved", "4" },
			{ "API returns 429 during nightly sync / 夜间同步返回 429", "api", "problem", "urgent", "open", "0" },
			{ "Please add a dark theme / 希望增加深色主题", "ui", "feature_request", "low", "new", "0" },
			{ "Duplicate contacts after import / 导入后联系人重复", "data", "problem", "normal", "pending_customer", "0" },
			{ "Training session for new staff / 新员工培训", "training", "question", "normal", "resolved", "5" },
			{ "Charged twice for November / 十一月重复扣款", "billing", "complaint", "urgent", "open", "0" },
			{ "Report totals differ from Excel / 报表合计与 Excel 不符", "reports", "problem", "normal", "resolved", "3" },
			{ "Change the account owner / 更改客户负责人", "admin", "question", "low", "closed", "4" } };

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final QueueManagement queues;

	private final TicketManagement tickets;

	private final SurveyManagement surveys;

	DemoService(ContactManagement contacts, UserDirectory users, QueueManagement queues, TicketManagement tickets,
			SurveyManagement surveys) {
		this.contacts = contacts;
		this.users = users;
		this.queues = queues;
		this.tickets = tickets;
		this.surveys = surveys;
	}

	/**
	 * What was made.
	 *
	 * @param queues queues
	 * @param tickets tickets
	 */
	record Summary(int queues, int tickets) {
	}

	Summary fill() {
		return DemoCompany.as(Actor.SYSTEM, () -> {
			Optional<UserSummary> careAgent = users.activeUsers().stream()
				.filter(u -> DemoCatalog.CARE.equals(u.teamName()))
				.findFirst();
			Long team = careAgent.map(UserSummary::teamId).orElse(null);
			Long lead = careAgent.map(UserSummary::id).orElse(null);
			QueueView care = queues.create(new QueueFields("Customer Care / 客户服务", team, lead, "round-robin"));
			QueueView billing = queues.create(new QueueFields("Billing / 账务", team, lead, "fewest-open"));
			List<ContactView> people = contacts.list(new ContactQuery(null, null, null, null, null, null, "name", 50, null))
				.items();
			int made = 0;
			for (int i = 0; i < TICKETS.length && !people.isEmpty(); i++) {
				String[] t = TICKETS[i];
				ContactView customer = people.get((i * 7) % people.size());
				long queue = "billing".equals(t[1]) ? billing.id() : care.id();
				TicketView ticket = tickets.create(new TicketFields(t[0], "Demo request: " + t[0], customer.id(), null,
						i % 3 == 0 ? "email" : (i % 3 == 1 ? "web" : "phone"), t[1], t[2], t[3], queue, null,
						List.of("demo"), "complaint".equals(t[2]) ? "major" : null,
						"complaint".equals(t[2]) ? "billing-error" : null));
				made++;
				String status = t[4];
				if (!"new".equals(status)) {
					tickets.reply(ticket.id(), new ReplyInput("Thank you, we are looking into it. / 感谢您的反馈，我们正在处理。",
							true, null));
					tickets.reply(ticket.id(), new ReplyInput("Checked the logs; see the linked account.", false, null));
				}
				if ("pending_customer".equals(status)) {
					move(ticket.id(), "pending_customer");
				}
				if ("resolved".equals(status) || "closed".equals(status)) {
					move(ticket.id(), "resolved");
					int score = Integer.parseInt(t[5]);
					if (score > 0) {
						surveys.importCsatAnswer(ticket.id(), customer.id(), score,
								score >= 4 ? "Quick and helpful / 快速且有帮助" : "Took too long / 太慢了");
					}
				}
				if ("closed".equals(status)) {
					move(ticket.id(), "closed");
				}
			}
			return new Summary(2, made);
		});
	}

	private void move(long id, String status) {
		TicketView t = tickets.get(id);
		tickets.changeStatus(id, t.version(), status);
	}

}
