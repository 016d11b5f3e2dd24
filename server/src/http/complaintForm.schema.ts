import { z } from "zod";
import { complaintCategories } from "../db/collections.js";

export const complaintFormLimits = { nameLength: 100, emailLength: 254, messageLength: 5000, maxBodyBytes: 32 * 1024 } as const;

/** The public complaint form's fields (MS-4.3), with messages written for the person filling it in. */
export const complaintFormSchema = z.object({
  name: z
    .string("Enter your name")
    .trim()
    .min(1, "Enter your name")
    .max(complaintFormLimits.nameLength, `Your name must be ${complaintFormLimits.nameLength} characters or fewer`),
  email: z
    .string("Enter your email address")
    .trim()
    .min(1, "Enter your email address")
    .max(complaintFormLimits.emailLength, `Your email address must be ${complaintFormLimits.emailLength} characters or fewer`)
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  category: z.enum(complaintCategories, "Choose what your complaint is about"),
  message: z
    .string("Describe your complaint")
    .trim()
    .min(1, "Describe your complaint")
    .max(complaintFormLimits.messageLength, `Your complaint must be ${complaintFormLimits.messageLength} characters or fewer`),
});

export type ComplaintForm = z.infer<typeof complaintFormSchema>;

export const complaintFormFields = ["name", "email", "category", "message"] as const;
export type ComplaintFormField = (typeof complaintFormFields)[number];
