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
    /** Where and how to reach the SMTP server. */
    public record Settings(String host, int port, boolean startTls, String username, String password, String from) {
    }

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
                    setHeader("Message-ID", "<" + message.messageId() + "@restock>");
                }
            };
            mime.setFrom(new InternetAddress(settings.from()));
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
            throw new DeliveryFailed("SMTP " + settings.host() + ":" + settings.port() + " refused or failed: " + e.getMessage(), e);
        }
    }
}
