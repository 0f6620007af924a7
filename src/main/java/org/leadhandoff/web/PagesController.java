package org.leadhandoff.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages people open: the inbox is the front door. */
@Controller
class PagesController {

  @GetMapping({"/", "/inbox"})
  String inbox() {
    return "redirect:/inbox/";
  }

  @GetMapping("/inbox/")
  String inboxIndex() {
    return "forward:/inbox/index.html";
  }
}
