/** Tests of change sets: each operation's effect and errors, and properties over random scenarios. */
package vn.childaid.matching.whatif;
