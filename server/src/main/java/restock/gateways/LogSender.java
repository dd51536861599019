package restock.gateways;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import restock.notify.Message;
import restock.notify.MessageSender;

/**
 * For development and the demo when no SMTP server is configured: emails are written to the log instead, with
 * their text, so a developer trying Restock out can read what a customer would get (dates, quantities, links).
 */
public final class LogSender implements MessageSender {
    private static final Logger log = LoggerFactory.getLogger(LogSender.class);

    @Override
    public void send(Message message) {
        log.info("email to {} [{}]: {}\n{}", message.recipient(), message.topic(), message.subject(), message.bodyText());
    }
}
