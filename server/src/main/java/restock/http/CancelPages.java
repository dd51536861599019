package restock.http;

import restock.common.Html;

import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.service.CancelLinks;

/** The small pages a customer sees when opening a cancel link: no login, one click, plain words. */
final class CancelPages {
    /** The page's only inline style; its hash is allowed by the Content-Security-Policy (SecurityHeaders). */
    static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;"
            + "line-height:1.5}td,th{padding:.2rem .8rem;text-align:left}button{font-size:1.1rem;padding:.5rem 1rem}";

    private CancelPages() {
    }

    static String page(CancelLinks.View view, String token) {
        if (view instanceof CancelLinks.View.Open open) {
            return open(open.order(), token);
        }
        if (view instanceof CancelLinks.View.AlreadyUsed used) {
            return frame("Your order", "<p>This link has been used. " + summary(used.order()) + "</p>" + lines(used.order()));
        }
        if (view instanceof CancelLinks.View.Expired) {
            return frame("Link expired", "<p>This cancellation link has expired. Please contact the shop.</p>");
        }
        return frame("Link not valid", "<p>This link is not valid. Please use the link from your email, or contact the shop.</p>");
    }

    private static String open(Order order, String token) {
        boolean waiting = order.lines().stream().anyMatch(line -> line.state() instanceof LineState.Waiting);
        if (!waiting) {
            return frame("Your order", "<p>Nothing in order " + order.id() + " is waiting for stock, so there is nothing to cancel here.</p>"
                    + lines(order));
        }
        StringBuilder reasons = new StringBuilder();
        for (String reason : CancelLinks.REASONS) {
            reasons.append("<label><input type=\"radio\" name=\"reason\" value=\"").append(Html.escape(reason)).append("\"")
                    .append(reason.equals("waited too long") ? " checked" : "").append("> ").append(Html.escape(reason)).append("</label><br>");
        }
        return frame("Cancel waiting items", "<p>These items of order " + order.id() + " are still waiting for stock. "
                + "Cancelling them costs nothing: you have not been charged for them, and any hold on your card is released.</p>"
                + lines(order)
                + "<form method=\"post\" action=\"/cancel/" + Html.escape(token) + "\"><fieldset><legend>Why are you cancelling?</legend>"
                + reasons + "</fieldset><button type=\"submit\" id=\"cancel\">Cancel the waiting items</button></form>");
    }

    private static String summary(Order order) {
        return "Order " + order.id() + " is now " + Html.escape(order.status().code()) + ".";
    }

    private static String lines(Order order) {
        StringBuilder rows = new StringBuilder("<table><tr><th>Item</th><th>Qty</th><th>Status</th></tr>");
        for (OrderLine line : order.lines()) {
            rows.append("<tr><td>").append(Html.escape(line.sku().code())).append("</td><td>").append(line.quantities().quantity())
                    .append("</td><td>").append(Html.escape(line.state().code())).append("</td></tr>");
        }
        return rows.append("</table>").toString();
    }

    private static String frame(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + Html.escape(title) + "</title><style>" + STYLE + "</style>"
                + "</head><body><h1>" + Html.escape(title) + "</h1>" + body + "</body></html>";
    }

}
