package cn.hardshiprelief.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.*;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One notification for one person. Its text is not stored but its arguments are, so that it reads in the reader's
 * language whenever it is read: a plain argument (an application number, a reason) as it was given, a message
 * code (a step's name) resolved then, with the text it had at the time as its fallback.
 */
@Entity
@Table(name = "notification")
public class Notification {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ARGUMENT_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private NotificationKind kind;

    @Column(nullable = false, length = 500)
    private String link;

    @Column(nullable = false, length = 4000)
    private String args;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, NotificationKind kind, String link, Object[] messageArgs, Instant now) {
        this.recipient = recipient;
        this.kind = kind;
        this.link = link;
        this.args = write(messageArgs);
        this.createdAt = now;
    }

    /** Read now, if it was not read before (reading twice keeps the first time). */
    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    boolean isFor(String username) {
        return recipient.equals(username);
    }

    /** The arguments of its text: plain texts, and message codes (with their text at the time) to resolve. */
    Object[] messageArgs() {
        try {
            List<Map<String, String>> stored = JSON.readValue(args, new TypeReference<>() { });
            return stored.stream().map(a -> a.containsKey("code")
                    ? new DefaultMessageSourceResolvable(new String[]{a.get("code")}, a.get("text"))
                    : (Object) a.get("text")).toArray();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notification " + id + " has unreadable arguments", e);
        }
    }

    private static String write(Object[] messageArgs) {
        List<Map<String, String>> stored = new ArrayList<>();
        for (Object arg : messageArgs) {
            Map<String, String> one = new LinkedHashMap<>();
            if (arg instanceof MessageSourceResolvable resolvable && resolvable.getCodes() != null
                    && resolvable.getCodes().length > 0) {
                String code = resolvable.getCodes()[resolvable.getCodes().length - 1];
                one.put("code", code);
                one.put("text", shortened(resolvable.getDefaultMessage() == null ? code : resolvable.getDefaultMessage()));
            } else {
                one.put("text", shortened(arg == null ? "" : arg.toString()));
            }
            stored.add(one);
        }
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Notification arguments cannot be written", e);
        }
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_ARGUMENT_LENGTH ? text : text.substring(0, MAX_ARGUMENT_LENGTH - 1) + "…";
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public NotificationKind getKind() { return kind; }
    public String getLink() { return link; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
    public boolean isRead() { return readAt != null; }
}
