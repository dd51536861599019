package restock.gateways;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import restock.notify.Message;
import restock.notify.MessageSender;

import java.util.Properties;

/** Email over SMTP (Angus Mail): text and HTML alternatives, with the message id for receivers to de-duplicate. */
public final class SmtpSender implements MessageSender {
    /**
     * Where and how to reach the SMTP server, and who mails are from: the address and its display name (the
     * shop's name), whose domain also ends each Message-ID.
     */
    public record Settings(String host, int port, boolean startTls, String username, String password, String from, String fromName) {
        public Settings(String host, int port, boolean startTls, String username, String password, String from) {
            this(host, port, startTls, username, password, from, null);
        }
    }

    /** What a mail client's one-click unsubscribe posts (RFC 8058). */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final int TIMEOUT_MILLIS = 15_000;
    private final Settings settings;
    private final Session session;

    public SmtpSender(Settings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        properties.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
        properties.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        properties.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        this.session = Session.getInstance(properties);
    }

    @Override
    public void send(Message message) throws DeliveryFailed {
        try {
            MimeMessage mime = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + message.messageId() + "@" + domain() + ">");
                }
            };
            mime.setFrom(settings.fromName() == null ? new InternetAddress(settings.from())
                    : new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
            if (message.listUnsubscribe() != null) {
                mime.setHeader("List-Unsubscribe", "<" + message.listUnsubscribe() + ">");
                mime.setHeader("List-Unsubscribe-Post", ONE_CLICK);
            }
            mime.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(message.recipient()));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setHeader("X-Restock-Message-Id", message.messageId().toString());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.bodyText(), "UTF-8");
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            if (message.bodyHtml() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(message.bodyHtml(), "text/html; charset=UTF-8");
                alternatives.addBodyPart(html);
            }
            mime.setContent(alternatives);
            if (settings.username() != null) {
                Transport.send(mime, settings.username(), settings.password());
            } else {
                Transport.send(mime);
            }
        } catch (MessagingException e) {
            String reason = String.valueOf(e.getMessage());
            if (settings.startTls() && reason.contains("STARTTLS")) {
                throw new DeliveryFailed("SMTP " + settings.host() + ":" + settings.port() + " does not offer STARTTLS, and Restock requires it "
                        + "by default so that passwords and mails are not sent in the clear. For a plain relay on a trusted network, set "
                        + "RESTOCK_SMTP_STARTTLS=false. (" + reason + ")", e);
            }
            throw new DeliveryFailed("SMTP " + settings.host() + ":" + settings.port() + " refused or failed: " + reason, e);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private String domain() {
        int at = settings.from().lastIndexOf('@');
        return at < 0 || at == settings.from().length() - 1 ? "restock.invalid" : settings.from().substring(at + 1).replace(">", "");
    }
}
