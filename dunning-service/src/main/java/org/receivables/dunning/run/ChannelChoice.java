package org.receivables.dunning.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.receivables.dunning.channel.SmsGateway;
import org.receivables.dunning.policy.Channel;
import org.receivables.dunning.policy.PolicyStep;
import org.receivables.dunning.replica.CustomerFacts;

/**
 * The channels of a step this customer can actually be reached on: e-mail falls back to a letter
 * when there is no address, SMS needs a provider and a number. Each channel dropped leaves a note
 * in the run's answer, so a collector sees why a customer got less than the policy says.
 */
@ApplicationScoped
public class ChannelChoice {

  @Inject SmsGateway sms;

  List<Channel> reachable(PolicyStep step, CustomerFacts customer, List<String> notes) {
    return choose(step, customer, sms.enabled(), notes);
  }

  static List<Channel> choose(
      PolicyStep step, CustomerFacts customer, boolean smsEnabled, List<String> notes) {
    List<Channel> out = new ArrayList<>();
    if (!step.sends()) {
      return out;
    }
    for (Channel c : step.channels()) {
      switch (c) {
        case EMAIL -> {
          if (customer.email() != null && !customer.email().isBlank()) {
            out.add(c);
          } else if (!step.channels().contains(Channel.LETTER)) {
            notes.add("no e-mail address: sent as a letter");
            out.add(Channel.LETTER);
          } else {
            notes.add("no e-mail address");
          }
        }
        case SMS -> {
          if (!smsEnabled) {
            notes.add("SMS disabled");
          } else if (customer.phone() == null || customer.phone().isBlank()) {
            notes.add("no phone number for SMS");
          } else {
            out.add(c);
          }
        }
        case LETTER -> {
          if (!out.contains(Channel.LETTER)) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }
}
