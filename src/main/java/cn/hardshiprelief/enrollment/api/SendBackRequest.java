package cn.hardshiprelief.enrollment.api;

/** 回退: the review step to send the application back to (one it has passed), and why. */
public record SendBackRequest(String step, String reason) {
}
