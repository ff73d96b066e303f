Feature: Basket

  Scenario: Adding apples
    Given an empty basket
    When I add 3 apples
    Then the basket holds 3 items

  Scenario: Counting wrong
    Given an empty basket
    When I add 2 apples
    Then the basket holds 5 items

  Scenario: Paying
    Given an empty basket
    When I pay
    Then the basket holds 0 items

  Scenario: Weighing
    Given an empty basket
    When I weigh it
    Then the basket holds 0 items

  Scenario Outline: Adding many
    Given an empty basket
    When I add <count> apples
    Then the basket holds <total> items

    Examples:
      | count | total |
      | 1     | 1     |
      | 4     | 5     |
